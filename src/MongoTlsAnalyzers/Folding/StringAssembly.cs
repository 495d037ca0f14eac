using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MongoTlsAnalyzers.Folding
{
    /// <summary>
    /// Strings assembled in one member from a seed (docs/architecture.md "Where the rules look"): a
    /// <c>StringBuilder</c> created with the seed or given it as its first <c>Append</c>, a string local that starts
    /// from it and grows with <c>+=</c> or <c>s = s + …</c>, and <c>string.Concat</c> or <c>string.Join</c> whose
    /// pieces it starts. What is appended later in the member, in source order, folds onto the seed; a piece that does
    /// not fold is a hole, as in an interpolated string.
    /// </summary>
    internal static class StringAssembly
    {
        /// <summary>The seed's text and what was appended to it, or null when the seed starts no assembly.</summary>
        public static AssembledString? Extend(IOperation seed, FoldedString seedFold, ConstantFolder folder, CancellationToken cancellationToken)
        {
            var top = SkipConversions(seed);
            var collector = new AssemblyCollector(seed, seedFold, folder, cancellationToken);
            switch (top.Parent)
            {
                case IArgumentOperation argument:
                    if (!FromArgument(argument, top, collector))
                    {
                        return null;
                    }

                    break;

                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when IsString(declarator.Symbol.Type):
                    collector.FollowStringLocal(declarator.Symbol, declarator.Syntax.Span.End);
                    break;

                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == top && IsString(target.Type):
                    collector.FollowStringLocal(target.Local, assignment.Syntax.Span.End);
                    break;

                case { } container when container.Parent is IArrayCreationOperation or IArgumentOperation:
                    // The seed is one element of a params collection: string.Concat("mongodb://", a, b, c, d).
                    var argumentOfCollection = container.Parent as IArgumentOperation ?? container.Parent?.Parent as IArgumentOperation;
                    if (argumentOfCollection?.Parent is not IInvocationOperation call || !collector.FollowStringCall(call, Elements(container), top))
                    {
                        return null;
                    }

                    break;

                default:
                    return null;
            }

            return collector.AppendCount == 0 ? null : collector.ToAssembledString();
        }

        private static bool FromArgument(IArgumentOperation argument, IOperation seed, AssemblyCollector collector)
        {
            switch (argument.Parent)
            {
                case IObjectCreationOperation creation when IsStringBuilder(creation.Type) && IsString(argument.Parameter?.Type):
                    collector.FollowBuilder(creation, seedWasAppended: false);
                    return true;

                case IInvocationOperation { TargetMethod.Name: "Append" } invocation
                    when IsStringBuilder(invocation.TargetMethod.ContainingType) && invocation.Arguments.Length == 1:
                    collector.FollowBuilder(invocation, seedWasAppended: true);
                    return true;

                case IInvocationOperation invocation when invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String:
                    return collector.FollowStringCall(invocation, invocation.Arguments.Select(a => a.Value).ToList(), seed);

                default:
                    return false;
            }
        }

        /// <summary>The elements of a params collection, an array initializer or a collection expression.</summary>
        internal static List<IOperation> Elements(IOperation container) => container switch
        {
            IArrayInitializerOperation initializer => initializer.ElementValues.ToList(),
            _ => container.ChildOperations.ToList(),
        };

        internal static IOperation SkipConversions(IOperation operation)
        {
            var current = operation;
            while (current.Parent is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
            {
                current = current.Parent;
            }

            return current;
        }

        internal static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

        internal static bool IsStringBuilder(ITypeSymbol? type) =>
            type is INamedTypeSymbol
            {
                Name: "StringBuilder",
                ContainingNamespace: { Name: "Text", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } },
            };
    }
}
