using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.Folding;

namespace MongoTlsAnalyzers.Infrastructure
{
    /// <summary>
    /// Reads certificate validation callbacks: lambdas, anonymous methods and method groups (DESIGN §3 MTA003).
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

namespace MongoTlsAnalyzers.Infrastructure
{
    using System.Threading;
    using Microsoft.CodeAnalysis;
    using Microsoft.CodeAnalysis.Operations;
    using MongoTlsAnalyzers.Folding;

    /// <summary>
    /// Finds callbacks that let certificate chain errors through without validating the chain against a private
    /// CA (DESIGN §3 MTA006): <c>errors == None || errors == RemoteCertificateChainErrors</c>. A callback that builds
    /// an X509Chain with CustomRootTrust, or pins the certificate or its key, is not one of them.
    /// </summary>
    internal static class ChainErrorAcceptance
    {
        private const string ChainErrors = "RemoteCertificateChainErrors";

        /// <summary>Members whose use means the callback checks the certificate itself (pinning, custom root).</summary>
        private static readonly string[] CheckingMembers =
        {
            "CustomRootTrust", "CustomTrustStore", "Thumbprint", "GetCertHash", "GetCertHashString", "GetPublicKey",
            "GetPublicKeyString", "PublicKey", "ExportSubjectPublicKeyInfo", "GetRawCertData", "RawData", "SerialNumber",
        };

        public static bool AcceptsChainErrorsUnchecked(IOperation callback, ConstantFolder folder, CancellationToken cancellationToken)
        {
            var body = CertificateCallbacks.FindBody(callback, folder, cancellationToken);
            if (body is null || CertificateCallbacks.AcceptsEverything(callback, folder, cancellationToken))
            {
                return false;
            }

            var acceptsChainErrors = false;
            foreach (var operation in body.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IFieldReferenceOperation { Field.Name: "CustomRootTrust" }:
                    case IMemberReferenceOperation { Member.Name: var name } when System.Array.IndexOf(CheckingMembers, name) >= 0:
                    case IInvocationOperation { TargetMethod.Name: var method } when System.Array.IndexOf(CheckingMembers, method) >= 0:
                        return false;
                    case IReturnOperation { ReturnedValue: { } returned }:
                        acceptsChainErrors |= returned.ConstantValue is { HasValue: true, Value: true }
                            ? ReturnedUnderChainErrorTest(operation)
                            : LetsChainErrorsThrough(returned);
                        break;
                }
            }

            return acceptsChainErrors;
        }

        /// <summary><c>if (errors == RemoteCertificateChainErrors) return true;</c></summary>
        private static bool ReturnedUnderChainErrorTest(IOperation returned)
        {
            var child = returned;
            for (var parent = returned.Parent; parent is not null && parent is not IAnonymousFunctionOperation and not IMethodBodyOperation; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalOperation conditional && conditional.WhenTrue == child && LetsChainErrorsThrough(conditional.Condition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A condition that holds for chain errors: <c>errors == RemoteCertificateChainErrors</c>,
        /// <c>errors.HasFlag(RemoteCertificateChainErrors)</c> or <c>(errors &amp; ~RemoteCertificateChainErrors) == None</c>,
        /// not under a negation.
        /// </summary>
        private static bool LetsChainErrorsThrough(IOperation condition)
        {
            foreach (var operation in condition.DescendantsAndSelf())
            {
                if (!MentionsChainErrors(operation))
                {
                    continue;
                }

                if (IsNegated(operation, condition))
                {
                    continue;
                }

                for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } or IInvocationOperation { TargetMethod.Name: "HasFlag" }
                        || parent is IUnaryOperation { OperatorKind: UnaryOperatorKind.BitwiseNegation })
                    {
                        return true;
                    }

                    if (parent == condition)
                    {
                        break;
                    }
                }
            }

            return false;
        }

        private static bool MentionsChainErrors(IOperation operation) =>
            operation is IFieldReferenceOperation { Field: { Name: ChainErrors, ContainingType.Name: "SslPolicyErrors" } };

        private static bool IsNegated(IOperation operation, IOperation root)
        {
            for (var parent = operation.Parent; parent is not null && parent != root.Parent; parent = parent.Parent)
            {
                if (parent is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } or IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals })
                {
                    return true;
                }
            }

            return false;
        }
    }
}
