using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Folding;
using MongoTlsAnalyzers.Options;

namespace MongoTlsAnalyzers.Guards
{
    /// <summary>
    /// The one Development-guard recogniser (docs/architecture.md "Development guards"). It decides by position: a setting is guarded when it
    /// can only take effect in Development — in the then-branch of <c>if (guard)</c> (or a <c>&amp;&amp;</c> chain
    /// with one), the true arm of <c>guard ? x : y</c>, the else-branch of <c>if (env.IsProduction())</c>, after
    /// <c>if (!env.IsDevelopment()) return/throw;</c> in the same block, in a <c>#if DEBUG</c> region or a
    /// <c>[Conditional("DEBUG")]</c> method — or when its value is computed from a guard. An
    /// <c>IsDevelopment()</c> call elsewhere in the method guards nothing.
    /// </summary>
    internal sealed class DevelopmentGuards
    {
        private static readonly string[] EnvironmentTypeNames = { "IHostEnvironment", "IWebHostEnvironment", "IHostingEnvironment" };

        private readonly ConstantFolder _folder;
        private readonly DebugCode _debugCode = new DebugCode();

        /// <summary>The guard recogniser of <paramref name="model"/>'s compilation.</summary>
        public static DevelopmentGuards For(MongoCompilationModel model) => model.Part(static m => new DevelopmentGuards(m.Folder));

        private DevelopmentGuards(ConstantFolder folder)
        {
            _folder = folder;
        }

        /// <summary>True when <paramref name="operation"/> can only run in Development.</summary>
        public bool IsGuarded(IOperation operation, MongoTlsOptions options, CancellationToken cancellationToken)
        {
            if (options.DebugIsDevelopment && _debugCode.Contains(operation))
            {
                return true;
            }

            var child = operation;
            for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when conditional.Condition != child:
                        var meaning = Classify(conditional.Condition, options, cancellationToken);
                        if ((child == conditional.WhenTrue && meaning == GuardMeaning.Development)
                            || (child == conditional.WhenFalse && meaning == GuardMeaning.NotDevelopment))
                        {
                            return true;
                        }

                        break;

                    case IBlockOperation block when child is not null:
                        if (FollowsEarlyExit(block, child, options, cancellationToken))
                        {
                            return true;
                        }

                        break;

                    case ISwitchCaseOperation switchCase when IsDevelopmentCase(switchCase, cancellationToken):
                        return true;

                    case IMethodBodyOperation or IConstructorBodyOperation or ILocalFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        /// <summary>True when the value is computed from a guard: <c>env.IsDevelopment()</c>, <c>isDev &amp;&amp; flag</c>, <c>isDev ? x : false</c>.</summary>
        public bool IsGuardValue(IOperation value, MongoTlsOptions options, CancellationToken cancellationToken)
        {
            value = Unwrap(value);
            if (Classify(value, options, cancellationToken) == GuardMeaning.Development)
            {
                return true;
            }

            // guard ? insecure : secure
            return value is IConditionalOperation { WhenFalse: { } whenFalse } conditional
                && Classify(conditional.Condition, options, cancellationToken) == GuardMeaning.Development
                && whenFalse.ConstantValue is { HasValue: true, Value: false };
        }

        /// <summary>What <paramref name="condition"/> says about the environment.</summary>
        public GuardMeaning Classify(IOperation condition, MongoTlsOptions options, CancellationToken cancellationToken) =>
            Classify(condition, options, cancellationToken, depth: 0);

        private GuardMeaning Classify(IOperation condition, MongoTlsOptions options, CancellationToken cancellationToken, int depth)
        {
            if (depth > 8)
            {
                return GuardMeaning.None;
            }

            condition = Unwrap(condition);
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Invert(Classify(not.Operand, options, cancellationToken, depth + 1));

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    // Taken only when both hold: one Development guard is enough.
                    var left = Classify(and.LeftOperand, options, cancellationToken, depth + 1);
                    var right = Classify(and.RightOperand, options, cancellationToken, depth + 1);
                    if (left == GuardMeaning.Development || right == GuardMeaning.Development)
                    {
                        return GuardMeaning.Development;
                    }

                    return left == GuardMeaning.NotDevelopment && right == GuardMeaning.NotDevelopment ? GuardMeaning.NotDevelopment : GuardMeaning.None;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    var first = Classify(or.LeftOperand, options, cancellationToken, depth + 1);
                    var second = Classify(or.RightOperand, options, cancellationToken, depth + 1);
                    if (first == GuardMeaning.NotDevelopment || second == GuardMeaning.NotDevelopment)
                    {
                        return GuardMeaning.NotDevelopment;
                    }

                    return first == GuardMeaning.Development && second == GuardMeaning.Development ? GuardMeaning.Development : GuardMeaning.None;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                    var equality = ClassifyEnvironmentComparison(comparison.LeftOperand, comparison.RightOperand, cancellationToken);
                    return comparison.OperatorKind == BinaryOperatorKind.Equals ? equality : Invert(equality);

                case IInvocationOperation invocation:
                    return ClassifyInvocation(invocation, options, cancellationToken);

                case ILocalReferenceOperation or IFieldReferenceOperation:
                    // A bool assigned once from a guard: var isDev = env.IsDevelopment();
                    var symbol = condition is ILocalReferenceOperation local ? (ISymbol)local.Local : ((IFieldReferenceOperation)condition).Field;
                    var assigned = _folder.Assignments.GetSingleAssignedValue(symbol, cancellationToken);
                    var operation = assigned is null ? null : _folder.GetOperation(assigned, cancellationToken);
                    return operation is null ? GuardMeaning.None : Classify(operation, options, cancellationToken, depth + 1);

                default:
                    return GuardMeaning.None;
            }
        }

        private GuardMeaning ClassifyInvocation(IInvocationOperation invocation, MongoTlsOptions options, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            if (IsConfiguredGuard(method, options))
            {
                return GuardMeaning.Development;
            }

            // string.Equals(env.EnvironmentName, "Development", ...) and env.EnvironmentName.Equals("Development", ...)
            if (method.Name == "Equals" && method.ContainingType.SpecialType == SpecialType.System_String)
            {
                if (method.IsStatic && invocation.Arguments.Length >= 2)
                {
                    return ClassifyEnvironmentComparison(invocation.Arguments[0].Value, invocation.Arguments[1].Value, cancellationToken);
                }

                if (!method.IsStatic && invocation.Instance is { } instance && invocation.Arguments.Length >= 1)
                {
                    return ClassifyEnvironmentComparison(instance, invocation.Arguments[0].Value, cancellationToken);
                }

                return GuardMeaning.None;
            }

            var receiverType = method.IsExtensionMethod || (method.IsStatic && method.Parameters.Length > 0)
                ? (invocation.Arguments.Length > 0 ? Unwrap(invocation.Arguments[0].Value).Type : null)
                : invocation.Instance?.Type;
            if (!IsEnvironmentType(receiverType))
            {
                return GuardMeaning.None;
            }

            switch (method.Name)
            {
                case "IsDevelopment":
                    return GuardMeaning.Development;
                case "IsProduction":
                    return GuardMeaning.NotDevelopment;
                case "IsEnvironment":
                    var argument = invocation.Arguments.Length > 0 ? invocation.Arguments[invocation.Arguments.Length - 1].Value : null;
                    return argument is null ? GuardMeaning.None : ClassifyEnvironmentName(argument, cancellationToken);
                default:
                    return GuardMeaning.None;
            }
        }

        /// <summary><c>env.EnvironmentName == "Development"</c>, either way round, or against <c>Environments.Development</c>.</summary>
        private GuardMeaning ClassifyEnvironmentComparison(IOperation left, IOperation right, CancellationToken cancellationToken)
        {
            if (IsEnvironmentNameRead(left))
            {
                return ClassifyEnvironmentName(right, cancellationToken);
            }

            if (IsEnvironmentNameRead(right))
            {
                return ClassifyEnvironmentName(left, cancellationToken);
            }

            return GuardMeaning.None;
        }

        private GuardMeaning ClassifyEnvironmentName(IOperation name, CancellationToken cancellationToken)
        {
            // Environments.Development (Microsoft.Extensions.Hosting) and EnvironmentName.Development (ASP.NET Core 2.x)
            // are static readonly fields in referenced assemblies, so their values cannot be folded from source.
            if (Unwrap(name) is IFieldReferenceOperation { Field: { IsStatic: true, ContainingType.Name: "Environments" or "EnvironmentName" } field })
            {
                return field.Name == "Development" ? GuardMeaning.Development : field.Name == "Production" ? GuardMeaning.NotDevelopment : GuardMeaning.None;
            }

            var folded = _folder.Fold(name, cancellationToken);
            if (folded.HasHoles)
            {
                return GuardMeaning.None;
            }

            if (string.Equals(folded.Value, "Development", StringComparison.OrdinalIgnoreCase))
            {
                return GuardMeaning.Development;
            }

            return string.Equals(folded.Value, "Production", StringComparison.OrdinalIgnoreCase) ? GuardMeaning.NotDevelopment : GuardMeaning.None;
        }

        private static bool IsEnvironmentNameRead(IOperation operation) =>
            Unwrap(operation) is IPropertyReferenceOperation { Property.Name: "EnvironmentName" } property && IsEnvironmentType(property.Property.ContainingType);

        /// <summary>
        /// <c>if (!env.IsDevelopment()) return;</c> (or <c>throw</c>) earlier in the same block, without an else.
        /// </summary>
        private bool FollowsEarlyExit(IBlockOperation block, IOperation child, MongoTlsOptions options, CancellationToken cancellationToken)
        {
            foreach (var statement in block.Operations)
            {
                if (statement == child)
                {
                    return false;
                }

                if (statement is IConditionalOperation { WhenFalse: null } conditional
                    && ExitsUnconditionally(conditional.WhenTrue)
                    && Classify(conditional.Condition, options, cancellationToken) == GuardMeaning.NotDevelopment)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ExitsUnconditionally(IOperation operation)
        {
            switch (operation)
            {
                case IReturnOperation:
                case IThrowOperation:
                case IExpressionStatementOperation { Operation: IThrowOperation }:
                    return true;
                case IBlockOperation block when block.Operations.Length > 0:
                    return ExitsUnconditionally(block.Operations[block.Operations.Length - 1]);
                default:
                    return false;
            }
        }

        /// <summary><c>case "Development":</c> in a switch on <c>env.EnvironmentName</c>.</summary>
        private bool IsDevelopmentCase(ISwitchCaseOperation switchCase, CancellationToken cancellationToken)
        {
            if (switchCase.Parent is not ISwitchOperation { Value: var value } || !IsEnvironmentNameRead(value))
            {
                return false;
            }

            foreach (var clause in switchCase.Clauses)
            {
                if (clause is not ISingleValueCaseClauseOperation single
                    || ClassifyEnvironmentName(single.Value, cancellationToken) != GuardMeaning.Development)
                {
                    return false;
                }
            }

            return switchCase.Clauses.Length > 0;
        }

        private static bool IsConfiguredGuard(IMethodSymbol method, MongoTlsOptions options)
        {
            if (options.DevelopmentGuardMethods.IsDefaultOrEmpty)
            {
                return false;
            }

            var name = (method.ReducedFrom ?? method).ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty) + "." + method.Name;
            foreach (var configured in options.DevelopmentGuardMethods)
            {
                if (string.Equals(configured, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsEnvironmentType(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (Array.IndexOf(EnvironmentTypeNames, type.Name) >= 0)
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (Array.IndexOf(EnvironmentTypeNames, implemented.Name) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        internal static GuardMeaning Invert(GuardMeaning meaning) => meaning switch
        {
            GuardMeaning.Development => GuardMeaning.NotDevelopment,
            GuardMeaning.NotDevelopment => GuardMeaning.Development,
            _ => GuardMeaning.None,
        };

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation or IParenthesizedOperation)
            {
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
            }

            return operation;
        }
    }
}
