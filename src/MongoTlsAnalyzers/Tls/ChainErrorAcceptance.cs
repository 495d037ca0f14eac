using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.Folding;

namespace MongoTlsAnalyzers.Tls
{
    /// <summary>
    /// Finds callbacks that let certificate chain errors through without validating the chain against a private
    /// CA (docs/rules/MTA006), such as <c>errors == None || errors == RemoteCertificateChainErrors</c>.
    /// </summary>
    /// <remarks>
    /// The callback body is run symbolically with its <c>SslPolicyErrors</c> argument set to
    /// <c>RemoteCertificateChainErrors</c>. The callback is reported when some path reaches <c>return true</c> (or a
    /// returned condition that holds) through conditions that are either decided by that argument or chosen by
    /// whoever made the certificate (its subject, issuer, serial number, dates: a self-signed certificate can carry
    /// any of them). A condition the analysis cannot decide, such as <c>chain.Build(cert)</c> or a comparison of the
    /// certificate hash with a pin, ends the path: the callback does something we cannot see through, so it is not
    /// reported. That keeps the rule free of false positives on callbacks that really validate.
    /// </remarks>
    internal static class ChainErrorAcceptance
    {
        private const string ChainErrors = "RemoteCertificateChainErrors";

        /// <summary>Paths explored before giving up; callbacks are small, and giving up means "not reported".</summary>
        private const int StepBudget = 512;

        private const int MaxLocalDepth = 4;

        /// <summary>Certificate members whose values the certificate's author chooses freely.</summary>
        private static readonly HashSet<string> ForgeableMembers = new HashSet<string>(StringComparer.Ordinal)
        {
            "Subject", "SubjectName", "Issuer", "IssuerName", "SerialNumber", "GetSerialNumber", "GetSerialNumberString",
            "GetNameInfo", "FriendlyName", "NotAfter", "NotBefore", "GetExpirationDateString", "GetEffectiveDateString",
            "Name", "GetName", "GetIssuerName", "Version", "SignatureAlgorithm", "Extensions",
        };

        /// <summary>The three values a condition can have on a path, plus "the analysis cannot tell".</summary>
        private enum Truth
        {
            False,
            True,
            Forgeable,
            Unknown,
        }

        public static bool AcceptsChainErrorsUnchecked(IOperation callback, ConstantFolder folder, CancellationToken cancellationToken)
        {
            var body = CertificateCallbacks.FindBody(callback, folder, cancellationToken);
            if (body is null || CertificateCallbacks.AcceptsEverything(callback, folder, cancellationToken))
            {
                return false;
            }

            var run = new Run(folder, cancellationToken);
            return run.CanAccept(new Stack<IOperation>(new[] { body }));
        }

        private sealed class Run
        {
            private readonly ConstantFolder _folder;
            private readonly CancellationToken _cancellationToken;
            private int _steps;

            public Run(ConstantFolder folder, CancellationToken cancellationToken)
            {
                _folder = folder;
                _cancellationToken = cancellationToken;
            }

            /// <summary>True when some path through the pending statements returns true.</summary>
            public bool CanAccept(Stack<IOperation> pending)
            {
                while (pending.Count > 0)
                {
                    if (++_steps > StepBudget)
                    {
                        return false;
                    }

                    var statement = pending.Pop();
                    switch (statement)
                    {
                        case IBlockOperation block:
                            for (var i = block.Operations.Length - 1; i >= 0; i--)
                            {
                                pending.Push(block.Operations[i]);
                            }

                            break;

                        case IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } returned }:
                            return Evaluate(returned, 0) is Truth.True or Truth.Forgeable;

                        case IConditionalOperation { Type: null } branch:
                            switch (Evaluate(branch.Condition, 0))
                            {
                                case Truth.True:
                                    pending.Push(branch.WhenTrue);
                                    break;
                                case Truth.False:
                                    PushIfAny(pending, branch.WhenFalse);
                                    break;
                                case Truth.Forgeable:
                                    var alternative = new Stack<IOperation>(new Stack<IOperation>(pending));
                                    pending.Push(branch.WhenTrue);
                                    PushIfAny(alternative, branch.WhenFalse);
                                    return CanAccept(pending) || CanAccept(alternative);
                                default:
                                    return false;
                            }

                            break;

                        case IUsingOperation usingStatement:
                            pending.Push(usingStatement.Body);
                            break;

                        case IExpressionStatementOperation { Operation: IThrowOperation }:
                        case IThrowOperation:
                            return false;

                        // Declarations, logging and other statements do not change the SslPolicyErrors argument;
                        // locals they set are read back through single-assignment folding or stay unknown.
                        case IExpressionStatementOperation:
                        case IVariableDeclarationGroupOperation:
                        case IUsingDeclarationOperation:
                        case IEmptyOperation:
                        case ILocalFunctionOperation:
                            break;

                        default:
                            return false;
                    }
                }

                return false;
            }

            private static void PushIfAny(Stack<IOperation> pending, IOperation? statement)
            {
                if (statement is not null)
                {
                    pending.Push(statement);
                }
            }

            private Truth Evaluate(IOperation operation, int depth)
            {
                if (operation.ConstantValue is { HasValue: true, Value: bool constant })
                {
                    return constant ? Truth.True : Truth.False;
                }

                switch (operation)
                {
                    case IConversionOperation conversion:
                        return Evaluate(conversion.Operand, depth);
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                        return Not(Evaluate(not.Operand, depth));
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } both when IsBoolean(both):
                        return And(Evaluate(both.LeftOperand, depth), Evaluate(both.RightOperand, depth));
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } either when IsBoolean(either):
                        return Or(Evaluate(either.LeftOperand, depth), Evaluate(either.RightOperand, depth));
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                        var equal = Equal(comparison.LeftOperand, comparison.RightOperand, depth);
                        return comparison.OperatorKind == BinaryOperatorKind.Equals ? equal : Not(equal);
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual } ordering:
                        return ReadsForgeable(ordering.LeftOperand) || ReadsForgeable(ordering.RightOperand) ? Truth.Forgeable : Truth.Unknown;
                    case IInvocationOperation { TargetMethod.Name: "HasFlag", Instance: { } instance, Arguments.Length: 1 } hasFlag:
                        var value = Number(instance, depth);
                        var flag = Number(hasFlag.Arguments[0].Value, depth);
                        return value is null || flag is null ? Truth.Unknown : Bool((value & flag) == flag);
                    case IInvocationOperation { TargetMethod.Name: "Equals" or "StartsWith" or "EndsWith" or "Contains" } textTest:
                        return ReadsForgeable(textTest.Instance) || textTest.Arguments.Length > 0 && ReadsForgeable(textTest.Arguments[0].Value) ? Truth.Forgeable : Truth.Unknown;
                    case IIsPatternOperation isPattern:
                        return Matches(Number(isPattern.Value, depth), isPattern.Pattern);
                    case ILocalReferenceOperation local when depth < MaxLocalDepth:
                        var assigned = _folder.Assignments.GetSingleAssignedValue(local.Local, _cancellationToken);
                        var initializer = assigned is null ? null : _folder.GetOperation(assigned, _cancellationToken);
                        return initializer is null ? Truth.Unknown : Evaluate(initializer, depth + 1);
                    default:
                        return Truth.Unknown;
                }
            }

            private Truth Equal(IOperation left, IOperation right, int depth)
            {
                if (IsBoolean(left) && IsBoolean(right))
                {
                    var l = Evaluate(left, depth);
                    var r = Evaluate(right, depth);
                    if (l == Truth.Unknown || r == Truth.Unknown)
                    {
                        return Truth.Unknown;
                    }

                    return l == Truth.Forgeable || r == Truth.Forgeable ? Truth.Forgeable : Bool(l == r);
                }

                var leftNumber = Number(left, depth);
                var rightNumber = Number(right, depth);
                if (leftNumber is not null && rightNumber is not null)
                {
                    return Bool(leftNumber == rightNumber);
                }

                return ReadsForgeable(left) || ReadsForgeable(right) ? Truth.Forgeable : Truth.Unknown;
            }

            private Truth Matches(long? value, IPatternOperation pattern)
            {
                switch (pattern)
                {
                    case IConstantPatternOperation constant:
                        var expected = Number(constant.Value, 0);
                        return value is null || expected is null ? Truth.Unknown : Bool(value == expected);
                    case INegatedPatternOperation negated:
                        return Not(Matches(value, negated.Pattern));
                    case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } either:
                        return Or(Matches(value, either.LeftPattern), Matches(value, either.RightPattern));
                    case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } both:
                        return And(Matches(value, both.LeftPattern), Matches(value, both.RightPattern));
                    default:
                        return Truth.Unknown;
                }
            }

            /// <summary>The integral value of an SslPolicyErrors expression on the chain-errors path, or null.</summary>
            private long? Number(IOperation operation, int depth)
            {
                if (operation.ConstantValue is { HasValue: true, Value: { } constant } && constant is not bool and not string)
                {
                    return Convert.ToInt64(constant, CultureInfo.InvariantCulture);
                }

                switch (operation)
                {
                    case IConversionOperation conversion:
                        return Number(conversion.Operand, depth);
                    case IParameterReferenceOperation parameter when parameter.Type?.Name == "SslPolicyErrors":
                        return ChainErrorsValue(parameter.Type);
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.BitwiseNegation } negation:
                        return ~Number(negation.Operand, depth);
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.Or or BinaryOperatorKind.ExclusiveOr } bits:
                        var left = Number(bits.LeftOperand, depth);
                        var right = Number(bits.RightOperand, depth);
                        return left is null || right is null ? null
                            : bits.OperatorKind == BinaryOperatorKind.And ? left & right
                            : bits.OperatorKind == BinaryOperatorKind.Or ? left | right
                            : left ^ right;
                    case ILocalReferenceOperation local when depth < MaxLocalDepth:
                        var assigned = _folder.Assignments.GetSingleAssignedValue(local.Local, _cancellationToken);
                        var initializer = assigned is null ? null : _folder.GetOperation(assigned, _cancellationToken);
                        return initializer is null ? null : Number(initializer, depth + 1);
                    default:
                        return null;
                }
            }

            private static long? ChainErrorsValue(ITypeSymbol type)
            {
                foreach (var member in type.GetMembers(ChainErrors))
                {
                    if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } value })
                    {
                        return Convert.ToInt64(value, CultureInfo.InvariantCulture);
                    }
                }

                return null;
            }

            /// <summary>True when the expression reads a certificate property its author chooses.</summary>
            private static bool ReadsForgeable(IOperation? operation)
            {
                if (operation is null)
                {
                    return false;
                }

                foreach (var part in operation.DescendantsAndSelf())
                {
                    var name = part switch
                    {
                        IPropertyReferenceOperation property => property.Property.Name,
                        IInvocationOperation invocation => invocation.TargetMethod.Name,
                        _ => null,
                    };
                    if (name is not null && ForgeableMembers.Contains(name) && IsCertificateMember(part))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool IsCertificateMember(IOperation member)
            {
                var containing = member switch
                {
                    IPropertyReferenceOperation property => property.Property.ContainingType,
                    IInvocationOperation invocation => invocation.TargetMethod.ContainingType,
                    _ => null,
                };
                for (var type = containing; type is not null; type = type.BaseType)
                {
                    if (type.Name is "X509Certificate" or "X500DistinguishedName" or "X509Certificate2"
                        && type.ContainingNamespace?.ToDisplayString() == "System.Security.Cryptography.X509Certificates")
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool IsBoolean(IOperation operation) => operation.Type?.SpecialType == SpecialType.System_Boolean;

            private static Truth Bool(bool value) => value ? Truth.True : Truth.False;

            private static Truth Not(Truth value) => value switch
            {
                Truth.True => Truth.False,
                Truth.False => Truth.True,
                _ => value,
            };

            private static Truth And(Truth left, Truth right) =>
                left == Truth.False || right == Truth.False ? Truth.False
                : left == Truth.Unknown || right == Truth.Unknown ? Truth.Unknown
                : left == Truth.Forgeable || right == Truth.Forgeable ? Truth.Forgeable
                : Truth.True;

            private static Truth Or(Truth left, Truth right) =>
                left == Truth.True || right == Truth.True ? Truth.True
                : left == Truth.Unknown || right == Truth.Unknown ? Truth.Unknown
                : left == Truth.Forgeable || right == Truth.Forgeable ? Truth.Forgeable
                : Truth.False;
        }
    }
}
