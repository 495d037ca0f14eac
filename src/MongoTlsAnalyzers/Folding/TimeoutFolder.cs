using System;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MongoTlsAnalyzers.Folding
{
    /// <summary>
    /// Folds <c>TimeSpan</c> expressions to their value (docs/rules/MTA007): <c>TimeSpan.FromX(...)</c> in every
    /// unit and overload, <c>new TimeSpan(...)</c> in every overload, <c>TimeSpan.Zero</c>, <c>MaxValue</c>,
    /// <c>MinValue</c>, <c>Timeout.InfiniteTimeSpan</c>, <c>TimeSpan.Parse("...")</c>, <c>+ - * /</c> on those, and
    /// consts, static readonly fields and locals assigned once. Numbers fold through the same symbols.
    /// </summary>
    internal sealed class TimeoutFolder
    {
        private const int MaxDepth = 12;

        private readonly ConstantFolder _folder;
        private readonly SingleAssignmentIndex _assignments;

        public TimeoutFolder(ConstantFolder folder, SingleAssignmentIndex assignments)
        {
            _folder = folder;
            _assignments = assignments;
        }

        public bool TryFold(IOperation operation, CancellationToken cancellationToken, out FoldedTimeout result) =>
            TryFold(operation, cancellationToken, 0, out result);

        private bool TryFold(IOperation operation, CancellationToken cancellationToken, int depth, out FoldedTimeout result)
        {
            result = default;
            if (depth > MaxDepth)
            {
                return false;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return TryFold(conversion.Operand, cancellationToken, depth + 1, out result);

                case IDefaultValueOperation when IsTimeSpan(operation.Type):
                    result = new FoldedTimeout(TimeSpan.Zero, TimeoutForm.Other, 0);
                    return true;

                case IFieldReferenceOperation { Field: var field } fieldReference:
                    if (IsTimeSpan(field.ContainingType) && field.IsStatic)
                    {
                        switch (field.Name)
                        {
                            case "Zero":
                                result = new FoldedTimeout(TimeSpan.Zero, TimeoutForm.Other, 0);
                                return true;
                            case "MaxValue":
                                result = new FoldedTimeout(TimeSpan.MaxValue, TimeoutForm.Other, 0);
                                return true;
                            case "MinValue":
                                result = new FoldedTimeout(TimeSpan.MinValue, TimeoutForm.Other, 0);
                                return true;
                        }
                    }

                    if (field.Name == "InfiniteTimeSpan" && field.ContainingType?.ToDisplayString() == "System.Threading.Timeout")
                    {
                        result = new FoldedTimeout(Timeout.InfiniteTimeSpan, TimeoutForm.Infinite, 0);
                        return true;
                    }

                    return TryFoldSymbol(field, cancellationToken, depth, out result);

                case ILocalReferenceOperation localReference:
                    return TryFoldSymbol(localReference.Local, cancellationToken, depth, out result);

                case IInvocationOperation invocation when IsTimeSpan(invocation.TargetMethod.ContainingType) && invocation.TargetMethod.IsStatic:
                    return TryFoldFactory(invocation, cancellationToken, depth, out result);

                case IObjectCreationOperation creation when IsTimeSpan(creation.Type):
                    return TryFoldConstructor(creation, cancellationToken, depth, out result);

                case IBinaryOperation binary when IsTimeSpan(binary.Type):
                    return TryFoldArithmetic(binary, cancellationToken, depth, out result);

                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } unary when IsTimeSpan(unary.Type):
                    if (TryFold(unary.Operand, cancellationToken, depth + 1, out var operand) && operand.Value != TimeSpan.MinValue)
                    {
                        result = new FoldedTimeout(operand.Value.Negate(), TimeoutForm.Other, 0);
                        return true;
                    }

                    return false;

                default:
                    return false;
            }
        }

        private bool TryFoldSymbol(ISymbol symbol, CancellationToken cancellationToken, int depth, out FoldedTimeout result)
        {
            result = default;
            var value = _assignments.GetSingleAssignedValue(symbol, cancellationToken);
            var operation = value is null ? null : _folder.GetOperation(value, cancellationToken);
            if (operation is null || !TryFold(operation, cancellationToken, depth + 1, out var folded))
            {
                return false;
            }

            // Through a symbol the unit rule no longer applies to the use site; keep only the value.
            result = new FoldedTimeout(folded.Value, folded.IsInfinite ? TimeoutForm.Infinite : TimeoutForm.Other, 0);
            return true;
        }

        private bool TryFoldFactory(IInvocationOperation invocation, CancellationToken cancellationToken, int depth, out FoldedTimeout result)
        {
            result = default;
            var name = invocation.TargetMethod.Name;
            if (name == "Parse" && invocation.Arguments.Length == 1)
            {
                var text = _folder.Fold(invocation.Arguments[0].Value, cancellationToken);
                if (!text.HasHoles && TimeSpan.TryParse(text.Value, CultureInfo.InvariantCulture, out var parsed))
                {
                    result = new FoldedTimeout(parsed, TimeoutForm.Other, 0);
                    return true;
                }

                return false;
            }

            // FromDays(d, h, m, s, ms, us), FromHours(h, m, s, ms, us), ... FromTicks(t): each further argument is the next smaller unit.
            double[] units;
            switch (name)
            {
                case "FromDays":
                    units = new[] { 86_400_000d, 3_600_000d, 60_000d, 1_000d, 1d, 0.001d };
                    break;
                case "FromHours":
                    units = new[] { 3_600_000d, 60_000d, 1_000d, 1d, 0.001d };
                    break;
                case "FromMinutes":
                    units = new[] { 60_000d, 1_000d, 1d, 0.001d };
                    break;
                case "FromSeconds":
                    units = new[] { 1_000d, 1d, 0.001d };
                    break;
                case "FromMilliseconds":
                    units = new[] { 1d, 0.001d };
                    break;
                case "FromMicroseconds":
                    units = new[] { 0.001d };
                    break;
                case "FromTicks":
                    units = new[] { 1d / TimeSpan.TicksPerMillisecond };
                    break;
                default:
                    return false;
            }

            var milliseconds = 0d;
            var first = 0d;
            foreach (var argument in invocation.Arguments)
            {
                var ordinal = argument.Parameter?.Ordinal ?? -1;
                if (ordinal < 0 || ordinal >= units.Length || !TryFoldNumber(argument.Value, cancellationToken, depth, out var number))
                {
                    return false;
                }

                if (ordinal == 0)
                {
                    first = number;
                }

                milliseconds += number * units[ordinal];
            }

            if (!TryFromMilliseconds(milliseconds, out var value))
            {
                return false;
            }

            result = new FoldedTimeout(value, name == "FromSeconds" ? TimeoutForm.FromSeconds : TimeoutForm.Other, first);
            return true;
        }

        private bool TryFoldConstructor(IObjectCreationOperation creation, CancellationToken cancellationToken, int depth, out FoldedTimeout result)
        {
            result = default;
            var arguments = creation.Arguments;
            var numbers = new double[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                if (!TryFoldNumber(arguments[i].Value, cancellationToken, depth, out numbers[i]))
                {
                    return false;
                }
            }

            double milliseconds;
            switch (numbers.Length)
            {
                case 0:
                    result = new FoldedTimeout(TimeSpan.Zero, TimeoutForm.Other, 0);
                    return true;
                case 1:
                    // new TimeSpan(ticks)
                    if (numbers[0] > long.MaxValue || numbers[0] < long.MinValue)
                    {
                        return false;
                    }

                    result = new FoldedTimeout(new TimeSpan((long)numbers[0]), TimeoutForm.TicksConstructor, numbers[0]);
                    return true;
                case 3:
                    milliseconds = (numbers[0] * 3_600_000d) + (numbers[1] * 60_000d) + (numbers[2] * 1_000d);
                    break;
                case 4:
                case 5:
                case 6:
                    milliseconds = (numbers[0] * 86_400_000d) + (numbers[1] * 3_600_000d) + (numbers[2] * 60_000d) + (numbers[3] * 1_000d);
                    if (numbers.Length >= 5)
                    {
                        milliseconds += numbers[4];
                    }

                    if (numbers.Length == 6)
                    {
                        milliseconds += numbers[5] / 1_000d;
                    }

                    break;
                default:
                    return false;
            }

            if (!TryFromMilliseconds(milliseconds, out var value))
            {
                return false;
            }

            result = new FoldedTimeout(value, TimeoutForm.Other, 0);
            return true;
        }

        private bool TryFoldArithmetic(IBinaryOperation binary, CancellationToken cancellationToken, int depth, out FoldedTimeout result)
        {
            result = default;
            switch (binary.OperatorKind)
            {
                case BinaryOperatorKind.Add:
                case BinaryOperatorKind.Subtract:
                    if (TryFold(binary.LeftOperand, cancellationToken, depth + 1, out var left)
                        && TryFold(binary.RightOperand, cancellationToken, depth + 1, out var right))
                    {
                        var ticks = binary.OperatorKind == BinaryOperatorKind.Add
                            ? (double)left.Value.Ticks + right.Value.Ticks
                            : (double)left.Value.Ticks - right.Value.Ticks;
                        return TryFromTicks(ticks, out result);
                    }

                    return false;

                case BinaryOperatorKind.Multiply:
                    if (TryFold(binary.LeftOperand, cancellationToken, depth + 1, out var timesLeft)
                        && TryFoldNumber(binary.RightOperand, cancellationToken, depth, out var factor))
                    {
                        return TryFromTicks(timesLeft.Value.Ticks * factor, out result);
                    }

                    if (TryFoldNumber(binary.LeftOperand, cancellationToken, depth, out var factorLeft)
                        && TryFold(binary.RightOperand, cancellationToken, depth + 1, out var timesRight))
                    {
                        return TryFromTicks(timesRight.Value.Ticks * factorLeft, out result);
                    }

                    return false;

                case BinaryOperatorKind.Divide:
                    if (TryFold(binary.LeftOperand, cancellationToken, depth + 1, out var dividend)
                        && TryFoldNumber(binary.RightOperand, cancellationToken, depth, out var divisor)
                        && divisor != 0)
                    {
                        return TryFromTicks(dividend.Value.Ticks / divisor, out result);
                    }

                    return false;

                default:
                    return false;
            }
        }

        /// <summary>A numeric constant, or a number held by a local or field assigned once.</summary>
        public bool TryFoldNumber(IOperation operation, CancellationToken cancellationToken, int depth, out double number)
        {
            number = 0;
            if (depth > MaxDepth)
            {
                return false;
            }

            if (operation.ConstantValue is { HasValue: true, Value: { } constant })
            {
                switch (constant)
                {
                    case int or long or short or byte or sbyte or uint or ulong or ushort or double or float or decimal:
                        number = Convert.ToDouble(constant, CultureInfo.InvariantCulture);
                        return !double.IsNaN(number) && !double.IsInfinity(number);
                    default:
                        return false;
                }
            }

            if (operation is IConversionOperation wrapped)
            {
                return TryFoldNumber(wrapped.Operand, cancellationToken, depth + 1, out number);
            }

            ISymbol? symbol = operation switch
            {
                ILocalReferenceOperation local => local.Local,
                IFieldReferenceOperation field => field.Field,
                _ => null,
            };

            if (symbol is null)
            {
                return false;
            }

            var value = _assignments.GetSingleAssignedValue(symbol, cancellationToken);
            var valueOperation = value is null ? null : _folder.GetOperation(value, cancellationToken);
            return valueOperation is not null && TryFoldNumber(valueOperation, cancellationToken, depth + 1, out number);
        }

        private static bool TryFromMilliseconds(double milliseconds, out TimeSpan value) =>
            ConnectionStrings.UriDuration.TryFromMilliseconds(milliseconds, out value);

        private static bool TryFromTicks(double ticks, out FoldedTimeout result)
        {
            result = default;
            if (double.IsNaN(ticks) || ticks > long.MaxValue || ticks < long.MinValue)
            {
                return false;
            }

            var value = new TimeSpan((long)ticks);
            result = new FoldedTimeout(value, value == Timeout.InfiniteTimeSpan ? TimeoutForm.Infinite : TimeoutForm.Other, 0);
            return true;
        }

        private static bool IsTimeSpan(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            return type is { Name: "TimeSpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
        }
    }
}
