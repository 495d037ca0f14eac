using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MongoTlsAnalyzers.Folding
{
    /// <summary>
    /// Gathers the pieces of one assembled string (<see cref="StringAssembly"/>) in source order: the appends of a
    /// builder's fluent chain and of its local, the growth of a string local, or the arguments of
    /// <c>string.Concat</c> and <c>string.Join</c>. Bounded: past <see cref="MaxAppends"/> the rest is one hole, so
    /// ten thousand appends cost no more than a long literal.
    /// </summary>
    internal sealed class AssemblyCollector
    {
        private const int MaxAppends = 256;

        private readonly IOperation _seed;
        private readonly ConstantFolder _folder;
        private readonly CancellationToken _cancellationToken;
        private readonly List<FoldedString> _parts = new List<FoldedString>();
        private bool _stopped;

        public AssemblyCollector(IOperation seed, FoldedString seedFold, ConstantFolder folder, CancellationToken cancellationToken)
        {
            _seed = seed;
            _folder = folder;
            _cancellationToken = cancellationToken;
            _parts.Add(seedFold);
        }

        public int AppendCount { get; private set; }

        public bool IsConditional { get; private set; }

        public AssembledString ToAssembledString() => new AssembledString(FoldedString.Concat(_parts), IsConditional, AppendCount);

        /// <summary>
        /// Follows a builder from <paramref name="start"/> (its creation with the seed, or the <c>Append</c> of the seed):
        /// the fluent chain on it, then every later call on the local that holds it.
        /// </summary>
        public void FollowBuilder(IOperation start, bool seedWasAppended)
        {
            var end = FollowChain(start);
            ILocalSymbol? local = null;
            var position = end.Syntax.Span.End;
            if (seedWasAppended && start is IInvocationOperation { Instance: { } instance } && ChainBase(instance) is ILocalReferenceOperation baseLocal)
            {
                local = baseLocal.Local;
            }
            else
            {
                local = end.Parent switch
                {
                    IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                    ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == end => target.Local,
                    IConversionOperation { Parent: IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } } => declarator.Symbol,
                    _ => null,
                };
            }

            if (local is null)
            {
                return;
            }

            foreach (var reference in LaterReferences(local, position))
            {
                if (_stopped)
                {
                    return;
                }

                if (reference.Parent is IInvocationOperation invocation && invocation.Instance == reference)
                {
                    if (!IsReadOnly(invocation.TargetMethod.Name))
                    {
                        IsConditional |= IsConditionalAt(reference);
                        FollowChain(reference);
                    }
                }
                else if (reference.Parent is IPropertyReferenceOperation { Property.Name: "Length" } length && !IsWritten(length))
                {
                    continue;
                }
                else
                {
                    // Passed elsewhere, reassigned, or its length changed: what it holds from here is unknown.
                    AddHole(reference.Syntax, conditional: true);
                }
            }
        }

        /// <summary>Follows a string local after <paramref name="position"/>: <c>s += piece</c> and <c>s = s + piece</c>.</summary>
        public void FollowStringLocal(ILocalSymbol local, int position)
        {
            foreach (var reference in LaterReferences(local, position))
            {
                if (_stopped)
                {
                    return;
                }

                switch (reference.Parent)
                {
                    case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } compound when compound.Target == reference:
                        Add(compound.Value, IsConditionalAt(reference));
                        break;

                    case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                        var rest = RightOperandsAfter(assignment.Value, local);
                        if (rest is null)
                        {
                            // Reassigned to something else: the assembly ends here.
                            IsConditional = true;
                            _stopped = true;
                            return;
                        }

                        var conditional = IsConditionalAt(reference);
                        foreach (var operand in rest)
                        {
                            Add(operand, conditional);
                        }

                        break;

                    case IArgumentOperation { Parameter.RefKind: not RefKind.None }:
                        AddHole(reference.Syntax, conditional: true);
                        break;
                }
            }
        }

        /// <summary>
        /// <c>string.Concat(…)</c> or <c>string.Join(separator, …)</c> whose values the seed starts: the values after
        /// it (with the separator between them for <c>Join</c>).
        /// </summary>
        public bool FollowStringCall(IInvocationOperation call, List<IOperation> values, IOperation seed)
        {
            var index = values.IndexOf(seed);
            if (index < 0)
            {
                return false;
            }

            switch (call.TargetMethod.Name)
            {
                case "Concat":
                    for (var i = index + 1; i < values.Count; i++)
                    {
                        Add(values[i], conditional: false);
                    }

                    return true;

                case "Join" when call.Arguments.Length >= 2 && call.Arguments[0].Value is { } separator && !ReferenceEquals(separator, seed):
                    for (var i = index + 1; i < values.Count; i++)
                    {
                        Add(separator, conditional: false);
                        Add(values[i], conditional: false);
                    }

                    return true;

                default:
                    return false;
            }
        }

        /// <summary>Follows the fluent chain of builder calls whose receiver is <paramref name="start"/>; returns its last call.</summary>
        private IOperation FollowChain(IOperation start)
        {
            var current = start;
            while (!_stopped && current.Parent is IInvocationOperation invocation && invocation.Instance == current
                && StringAssembly.IsStringBuilder(invocation.TargetMethod.ContainingType))
            {
                if (IsReadOnly(invocation.TargetMethod.Name))
                {
                    break;
                }

                AddCall(invocation);
                current = invocation;
            }

            return current;
        }

        private void AddCall(IInvocationOperation call)
        {
            var arguments = call.Arguments;
            switch (call.TargetMethod.Name)
            {
                case "Append" when arguments.Length == 1:
                    Add(arguments[0].Value, IsConditional);
                    return;

                case "AppendLine":
                    if (arguments.Length == 1)
                    {
                        Add(arguments[0].Value, IsConditional);
                    }

                    AddHole(call.Syntax, IsConditional);
                    return;

                case "AppendFormat":
                    AddFormat(call);
                    return;

                case "Insert" when arguments.Length == 2 && arguments[0].Value.ConstantValue.Value is int index:
                    Insert(index, arguments[1].Value, call);
                    return;

                default:
                    // Clear, Remove, Replace, Insert at an unknown place, Append with a count: the text changes in ways not followed.
                    AddHole(call.Syntax, conditional: true);
                    _stopped = true;
                    return;
            }
        }

        private void AddFormat(IInvocationOperation call)
        {
            var format = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "format");
            if (format is null || !StringAssembly.IsString(format.Value.Type))
            {
                AddHole(call.Syntax, IsConditional);
                return;
            }

            var values = new List<IOperation>();
            foreach (var argument in call.Arguments)
            {
                if (argument == format || argument.Parameter?.Type.Name == "IFormatProvider")
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray || argument.Parameter?.IsParams == true)
                {
                    values.AddRange(argument.Value is IArrayCreationOperation { Initializer: { } initializer }
                        ? initializer.ElementValues
                        : StringAssembly.Elements(SkipImplicit(argument.Value)));
                }
                else
                {
                    values.Add(argument.Value);
                }
            }

            var formatFold = _folder.Fold(format.Value, _cancellationToken);
            if (formatFold.HasHoles)
            {
                AddHole(format.Value.Syntax, IsConditional);
                return;
            }

            var items = CompositeFormatText.Split(formatFold.Value, format.Value.Syntax, values, item => _folder.Fold(item, _cancellationToken));
            Append(items ?? FoldedString.Hole(format.Value.Syntax), IsConditional);
        }

        private void Insert(int index, IOperation value, IInvocationOperation call)
        {
            var offset = 0;
            for (var i = 0; i <= _parts.Count; i++)
            {
                if (offset == index && index > 0)
                {
                    if (!Count())
                    {
                        return;
                    }

                    _parts.Insert(i, _folder.Fold(value, _cancellationToken));
                    IsConditional |= IsConditionalAt(call);
                    return;
                }

                if (i < _parts.Count)
                {
                    offset += _parts[i].Value.Length;
                }
            }

            // Inside a piece, or before the scheme: not followed.
            AddHole(call.Syntax, conditional: true);
            _stopped = true;
        }

        private void Add(IOperation value, bool conditional) => Append(_folder.Fold(value, _cancellationToken), conditional);

        private void AddHole(SyntaxNode node, bool conditional) => Append(FoldedString.Hole(node), conditional);

        private void Append(FoldedString part, bool conditional)
        {
            if (!Count())
            {
                return;
            }

            _parts.Add(part);
            IsConditional |= conditional;
        }

        private bool Count()
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (_stopped)
            {
                return false;
            }

            if (++AppendCount > MaxAppends)
            {
                _parts.Add(FoldedString.Hole(_seed.Syntax));
                IsConditional = true;
                _stopped = true;
                return false;
            }

            return true;
        }

        /// <summary>References to <paramref name="local"/> that start after <paramref name="position"/> in the seed's member, in source order.</summary>
        private IEnumerable<ILocalReferenceOperation> LaterReferences(ILocalSymbol local, int position)
        {
            var root = _seed;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            return root.Descendants()
                .OfType<ILocalReferenceOperation>()
                .Where(r => r.Syntax.SpanStart >= position && SymbolEqualityComparer.Default.Equals(r.Local, local))
                .OrderBy(r => r.Syntax.SpanStart)
                .ToList();
        }

        /// <summary>
        /// True when <paramref name="operation"/> may run a different number of times than the seed: under a branch, a
        /// loop, a <c>switch</c>, a <c>catch</c>, a lambda or a local function that the seed's block does not share.
        /// </summary>
        private bool IsConditionalAt(IOperation operation)
        {
            var seedBlock = _seed.Parent;
            while (seedBlock is not null and not IBlockOperation)
            {
                seedBlock = seedBlock.Parent;
            }

            for (var current = operation.Parent; current is not null && current != seedBlock; current = current.Parent)
            {
                switch (current)
                {
                    case IConditionalOperation:
                    case ILoopOperation:
                    case ISwitchOperation:
                    case ISwitchExpressionOperation:
                    case ICatchClauseOperation:
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                    case IConditionalAccessOperation:
                    case ICoalesceOperation:
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr }:
                        return true;
                }
            }

            return false;
        }

        /// <summary>The right operands of <c>s + a + b</c> when its leftmost operand is <paramref name="local"/>, else null.</summary>
        private static List<IOperation>? RightOperandsAfter(IOperation value, ILocalSymbol local)
        {
            var operands = new Stack<IOperation>();
            var current = SkipImplicit(value);
            while (current is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add && StringAssembly.IsString(add.Type))
            {
                operands.Push(add.RightOperand);
                current = SkipImplicit(add.LeftOperand);
            }

            return current is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local) && operands.Count > 0
                ? operands.ToList()
                : null;
        }

        private static IOperation ChainBase(IOperation receiver)
        {
            var current = receiver;
            while (current is IInvocationOperation { Instance: { } inner } && StringAssembly.IsStringBuilder(current.Type))
            {
                current = inner;
            }

            return current;
        }

        private static IOperation SkipImplicit(IOperation operation)
        {
            var current = operation;
            while (current is IConversionOperation { IsImplicit: true } conversion)
            {
                current = conversion.Operand;
            }

            return current;
        }

        private static bool IsReadOnly(string name) => name is "ToString" or "GetHashCode" or "Equals" or "CopyTo" or "GetChunks" or "EnsureCapacity";

        private static bool IsWritten(IOperation operation) =>
            operation.Parent is IAssignmentOperation assignment && assignment.Target == operation;
    }
}
