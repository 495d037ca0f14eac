using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.Folding;

namespace MongoTlsAnalyzers.Tls
{
    /// <summary>
    /// Reads certificate validation callbacks: lambdas, anonymous methods and method groups (docs/rules/MTA003).
    /// A callback accepts every certificate when every <c>return</c> in it returns the constant <c>true</c>.
    /// </summary>
    internal static class CertificateCallbacks
    {
        private const int MaxDepth = 6;

        /// <summary>The body of the callback <paramref name="value"/> (a lambda, anonymous method or method group), or null.</summary>
        public static IOperation? FindBody(IOperation value, ConstantFolder folder, CancellationToken cancellationToken) =>
            FindBody(value, folder, cancellationToken, 0);

        /// <summary>True when the callback accepts every certificate.</summary>
        public static bool AcceptsEverything(IOperation value, ConstantFolder folder, CancellationToken cancellationToken)
        {
            var body = FindBody(value, folder, cancellationToken);
            if (body is null)
            {
                return false;
            }

            var returns = Returns(body);
            if (returns.Count == 0)
            {
                return false;
            }

            foreach (var returned in returns)
            {
                if (returned.ReturnedValue?.ConstantValue is not { HasValue: true, Value: true })
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The syntax a diagnostic about the callback goes on: the lambda, anonymous method or method group.</summary>
        public static SyntaxNode CallbackSyntax(IOperation value)
        {
            var current = value;
            while (true)
            {
                switch (current)
                {
                    case IConversionOperation conversion:
                        current = conversion.Operand;
                        continue;
                    case IDelegateCreationOperation creation:
                        current = creation.Target;
                        continue;
                }

                return current.Syntax;
            }
        }

        /// <summary>The return statements of a body, not counting nested lambdas or local functions.</summary>
        public static List<IReturnOperation> Returns(IOperation body)
        {
            var returns = new List<IReturnOperation>();
            var pending = new Stack<IOperation>();
            pending.Push(body);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (current is IReturnOperation { Kind: OperationKind.Return } returned)
                {
                    returns.Add(returned);
                }

                foreach (var child in current.ChildOperations)
                {
                    if (child is not IAnonymousFunctionOperation and not ILocalFunctionOperation)
                    {
                        pending.Push(child);
                    }
                }
            }

            return returns;
        }

        private static IOperation? FindBody(IOperation value, ConstantFolder folder, CancellationToken cancellationToken, int depth)
        {
            if (depth > MaxDepth)
            {
                return null;
            }

            switch (value)
            {
                case IConversionOperation conversion:
                    return FindBody(conversion.Operand, folder, cancellationToken, depth + 1);
                case IDelegateCreationOperation creation:
                    return FindBody(creation.Target, folder, cancellationToken, depth + 1);
                case IAnonymousFunctionOperation function:
                    return function.Body;
                case IMethodReferenceOperation reference:
                    return MethodBody(reference.Method, folder, cancellationToken);
                case ILocalReferenceOperation or IFieldReferenceOperation:
                    var symbol = value is ILocalReferenceOperation local ? (ISymbol)local.Local : ((IFieldReferenceOperation)value).Field;
                    var assigned = folder.Assignments.GetSingleAssignedValue(symbol, cancellationToken);
                    var operation = assigned is null ? null : folder.GetOperation(assigned, cancellationToken);
                    return operation is null ? null : FindBody(operation, folder, cancellationToken, depth + 1);
                default:
                    return null;
            }
        }

        private static IOperation? MethodBody(IMethodSymbol method, ConstantFolder folder, CancellationToken cancellationToken)
        {
            if (method.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var operation = folder.GetOperation(method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), cancellationToken);
            return operation switch
            {
                IMethodBodyOperation body => (IOperation?)body.BlockBody ?? body.ExpressionBody,
                ILocalFunctionOperation localFunction => localFunction.Body,
                _ => null,
            };
        }
    }
}
