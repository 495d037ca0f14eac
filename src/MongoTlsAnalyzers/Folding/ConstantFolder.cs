using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.ConnectionStrings;

namespace MongoTlsAnalyzers.Folding
{
    /// <summary>
    /// Folds string expressions to their constant value, keeping where each piece came from
    /// (docs/architecture.md "Constant value"): literals of every kind, <c>const</c>s, concatenation, interpolation,
    /// locals and fields assigned exactly once anywhere in the compilation, and the fallback of
    /// <c>x ?? "literal"</c>. Properties, parameters and calls are holes.
    /// </summary>
    internal sealed class ConstantFolder
    {
        /// <summary>How many declarations deep the folder follows references.</summary>
        private const int MaxSymbolDepth = 12;

        private readonly Compilation _compilation;
        private readonly SingleAssignmentIndex _assignments;

        /// <summary>The single-assignment index this folder uses, shared with the timeout folder.</summary>
        public SingleAssignmentIndex Assignments => _assignments;
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();

        /// <summary>
        /// The leading text of each local's or field's single assigned value, as <see cref="LeadingText"/> screens it:
        /// a field such as <c>Keys.RouteBase</c> starts many interpolations of a code base, and is screened once.
        /// </summary>
        internal ConcurrentDictionary<ISymbol, LeadingText> LeadingTexts { get; } =
            new ConcurrentDictionary<ISymbol, LeadingText>(SymbolEqualityComparer.Default);

        public ConstantFolder(Compilation compilation)
        {
            _compilation = compilation;
            _assignments = new SingleAssignmentIndex(compilation);
        }

        /// <summary>Folds <paramref name="operation"/>; the result may contain holes.</summary>
        public FoldedString Fold(IOperation operation, CancellationToken cancellationToken)
        {
            RememberModel(operation);
            var builder = new Builder();
            var state = new FoldState(cancellationToken);
            Append(operation, builder, state, Scope.Root);
            return builder.ToFoldedString();
        }

        /// <summary>Keeps the analyzer driver's semantic model of the operation's tree, so that <see cref="GetOperation(SyntaxNode, CancellationToken)"/> reuses its binding.</summary>
        internal void RememberModel(IOperation operation)
        {
            if (operation.SemanticModel is { } model)
            {
                _models.TryAdd(model.SyntaxTree, model);
            }
        }

        private void Append(IOperation operation, Builder builder, FoldState state, Scope scope)
        {
            state.CancellationToken.ThrowIfCancellationRequested();

            // Long concatenations are left-deep trees; walk their left spine with a loop, not recursion.
            if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } && IsString(operation.Type))
            {
                var spine = new Stack<IOperation>();
                var current = operation;
                while (current is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add && IsString(current.Type))
                {
                    spine.Push(add.RightOperand);
                    current = add.LeftOperand;
                }

                AppendSingle(current, builder, state, scope);
                while (spine.Count > 0)
                {
                    AppendSingle(spine.Pop(), builder, state, scope);
                }

                return;
            }

            AppendSingle(operation, builder, state, scope);
        }

        private void AppendSingle(IOperation operation, Builder builder, FoldState state, Scope scope)
        {
            switch (operation)
            {
                case ILiteralOperation literal:
                    AppendConstant(literal, builder, scope, PieceOrigin.Literal);
                    return;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } when IsString(operation.Type):
                    Append(operation, builder, state, scope);
                    return;

                case IInterpolatedStringOperation interpolated:
                    AppendInterpolated(interpolated, builder, state, scope);
                    return;

                case IInterpolatedStringHandlerCreationOperation { Content: IInterpolatedStringOperation content }:
                    // $"..." passed to an interpolated-string handler, as StringBuilder.Append takes it.
                    AppendInterpolated(content, builder, state, scope);
                    return;

                case IConversionOperation conversion when !conversion.ConstantValue.HasValue:
                    AppendSingle(conversion.Operand, builder, state, scope);
                    return;

                case IParenthesizedOperation parenthesized:
                    AppendSingle(parenthesized.Operand, builder, state, scope);
                    return;

                case ICoalesceOperation coalesce:
                    if (coalesce.Value.ConstantValue is { HasValue: true, Value: not null })
                    {
                        AppendSingle(coalesce.Value, builder, state, scope);
                    }
                    else
                    {
                        AppendSingle(coalesce.WhenNull, builder, state, scope.AsFallback());
                    }

                    return;

                case IFieldReferenceOperation fieldReference:
                    AppendSymbol(fieldReference.Field, fieldReference, builder, state, scope);
                    return;

                case ILocalReferenceOperation localReference:
                    AppendSymbol(localReference.Local, localReference, builder, state, scope);
                    return;
            }

            if (operation.ConstantValue.HasValue)
            {
                AppendConstant(operation, builder, scope, PieceOrigin.Constant);
                return;
            }

            builder.AddHole(operation.Syntax, scope);
        }

        private static void AppendConstant(IOperation operation, Builder builder, Scope scope, PieceOrigin origin)
        {
            var text = FormatConstant(operation.ConstantValue);
            if (text is null)
            {
                builder.AddHole(operation.Syntax, scope);
                return;
            }

            if (text.Length > 0)
            {
                builder.AddText(text, origin, operation.Syntax, origin == PieceOrigin.Literal ? operation.Syntax : null, scope);
            }
        }

        /// <summary>How a constant reads inside a string (null for values whose text depends on culture).</summary>
        internal static string? FormatConstant(Optional<object?> constant)
        {
            switch (constant.Value)
            {
                case null:
                    return string.Empty;
                case string s:
                    return s;
                case bool b:
                    return b ? "True" : "False";
                case char c:
                    return c.ToString();
                case int or long or short or byte or sbyte or uint or ulong or ushort:
                    var formatted = Convert.ToString(constant.Value, CultureInfo.InvariantCulture);
                    // Negative numbers use the culture's minus sign at run time.
                    return formatted is not null && formatted.StartsWith("-", StringComparison.Ordinal) ? null : formatted;
                default:
                    return null;
            }
        }

        private void AppendInterpolated(IInterpolatedStringOperation interpolated, Builder builder, FoldState state, Scope scope)
        {
            foreach (var part in interpolated.Parts)
            {
                switch (part)
                {
                    case IInterpolatedStringTextOperation text:
                        if (text.Text.ConstantValue.Value is string value && value.Length > 0)
                        {
                            // Diagnostics about interpolated text go on the whole interpolated string.
                            builder.AddText(value, PieceOrigin.InterpolatedText, interpolated.Syntax, text.Syntax, scope);
                        }

                        break;

                    case IInterpolationOperation hole when hole.Alignment is null && hole.FormatString is null:
                        AppendHole(hole.Expression, hole.Syntax, builder, state, scope);
                        break;

                    case IInterpolatedStringAppendOperation { Kind: OperationKind.InterpolatedStringAppendLiteral, AppendCall: IInvocationOperation { Arguments.Length: 1 } literalCall }
                        when literalCall.Arguments[0].Value.ConstantValue.Value is string literalText:
                        if (literalText.Length > 0)
                        {
                            builder.AddText(literalText, PieceOrigin.InterpolatedText, interpolated.Syntax, part.Syntax, scope);
                        }

                        break;

                    case IInterpolatedStringAppendOperation { Kind: OperationKind.InterpolatedStringAppendFormatted, AppendCall: IInvocationOperation { Arguments.Length: 1 } formattedCall }:
                        AppendHole(formattedCall.Arguments[0].Value, part.Syntax, builder, state, scope);
                        break;

                    default:
                        builder.AddHole(part.Syntax, scope);
                        break;
                }
            }
        }

        /// <summary>An interpolation hole contributes text only when it folds completely.</summary>
        private void AppendHole(IOperation expression, SyntaxNode holeSyntax, Builder builder, FoldState state, Scope scope)
        {
            var inner = new Builder();
            AppendSingle(expression, inner, state, scope);
            if (inner.HasHole)
            {
                builder.AddHole(holeSyntax, scope);
            }
            else
            {
                builder.AddAll(inner);
            }
        }

        private void AppendSymbol(ISymbol symbol, IOperation reference, Builder builder, FoldState state, Scope scope)
        {
            if (symbol is IFieldSymbol { IsConst: false } or ILocalSymbol { IsConst: false })
            {
                // Only string-like values assigned exactly once fold.
                var value = _assignments.GetSingleAssignedValue(symbol, state.CancellationToken);
                if (value is null || !TryEnter(symbol, state))
                {
                    builder.AddHole(reference.Syntax, scope);
                    return;
                }

                try
                {
                    var operation = GetOperation(value, state.CancellationToken);
                    if (operation is null)
                    {
                        builder.AddHole(reference.Syntax, scope);
                    }
                    else
                    {
                        AppendSingle(operation, builder, state, scope.Through(symbol));
                    }
                }
                finally
                {
                    state.Visiting.Remove(symbol);
                }

                return;
            }

            // A const: fold its declaration so that pieces point at the declaration's literal.
            if (!reference.ConstantValue.HasValue)
            {
                builder.AddHole(reference.Syntax, scope);
                return;
            }

            var initializer = GetInitializer(symbol, state.CancellationToken);
            if (initializer is not null && TryEnter(symbol, state))
            {
                try
                {
                    var operation = GetOperation(initializer, state.CancellationToken);
                    if (operation is not null)
                    {
                        AppendSingle(operation, builder, state, scope.Through(symbol));
                        return;
                    }
                }
                finally
                {
                    state.Visiting.Remove(symbol);
                }
            }

            AppendConstant(reference, builder, scope, PieceOrigin.Constant);
        }

        private static bool TryEnter(ISymbol symbol, FoldState state) =>
            state.Visiting.Count < MaxSymbolDepth && state.Visiting.Add(symbol);

        private static ExpressionSyntax? GetInitializer(ISymbol symbol, CancellationToken cancellationToken)
        {
            if (symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            return symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: var value }
                ? value
                : null;
        }

        /// <summary>The operation for an expression anywhere in the compilation.</summary>
        public IOperation? GetOperation(ExpressionSyntax expression, CancellationToken cancellationToken) =>
            GetOperation((SyntaxNode)expression, cancellationToken);

        /// <summary>The operation for any node (a method declaration gives its body) anywhere in the compilation.</summary>
        public IOperation? GetOperation(SyntaxNode expression, CancellationToken cancellationToken)
        {
            var tree = expression.SyntaxTree;
            if (!_models.TryGetValue(tree, out var model))
            {
                if (!_compilation.ContainsSyntaxTree(tree))
                {
                    return null;
                }

                // Declarations in other files of the compilation need their own semantic model: for the
                // single-assignment locals and fields the folder and the leading-text screen read through. Cached.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
                model = _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030
            }

            return model.GetOperation(expression, cancellationToken);
        }

        private static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

        /// <summary>Where the folder is: which symbol it read through, and whether under a ?? fallback.</summary>
        private readonly struct Scope
        {
            public static readonly Scope Root = default;

            private Scope(ISymbol? via, bool isFallback)
            {
                Via = via;
                IsFallback = isFallback;
            }

            public ISymbol? Via { get; }

            public bool IsFallback { get; }

            public Scope Through(ISymbol symbol) => new Scope(symbol, IsFallback);

            public Scope AsFallback() => new Scope(Via, isFallback: true);
        }

        private sealed class FoldState
        {
            public FoldState(CancellationToken cancellationToken)
            {
                CancellationToken = cancellationToken;
            }

            public CancellationToken CancellationToken { get; }

            public HashSet<ISymbol> Visiting { get; } = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        }

        private sealed class Builder
        {
            private readonly StringBuilder _text = new StringBuilder();
            private readonly List<(string Text, PieceOrigin Origin, SyntaxNode Report, SyntaxNode? Source, bool Fallback, ISymbol? Via)> _pieces =
                new List<(string, PieceOrigin, SyntaxNode, SyntaxNode?, bool, ISymbol?)>();

            public bool HasHole { get; private set; }

            public void AddText(string text, PieceOrigin origin, SyntaxNode reportNode, SyntaxNode? sourceNode, Scope scope)
            {
                _pieces.Add((text, origin, reportNode, sourceNode, scope.IsFallback, scope.Via));
                _text.Append(text);
            }

            public void AddHole(SyntaxNode node, Scope scope)
            {
                HasHole = true;
                var text = MongoUri.HoleChar.ToString();
                _pieces.Add((text, PieceOrigin.Hole, node, null, scope.IsFallback, scope.Via));
                _text.Append(text);
            }

            public void AddAll(Builder other)
            {
                _pieces.AddRange(other._pieces);
                _text.Append(other._text);
                HasHole |= other.HasHole;
            }

            public FoldedString ToFoldedString()
            {
                var pieces = ImmutableArray.CreateBuilder<FoldedPiece>(_pieces.Count);
                var start = 0;
                foreach (var (text, origin, report, source, fallback, via) in _pieces)
                {
                    pieces.Add(new FoldedPiece(start, text, origin, report, source, fallback, via));
                    start += text.Length;
                }

                return new FoldedString(_text.ToString(), pieces.MoveToImmutable());
            }
        }
    }
}
