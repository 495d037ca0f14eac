using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.Folding;

namespace MongoTlsAnalyzers.SettingsFlow
{
    /// <summary>
    /// The constant a boolean setting's value is: a literal or <c>const</c>, or a field or local assigned exactly once in
    /// the compilation from one (<c>static readonly bool TrustAll = true</c>). Nothing can switch such a value, so an
    /// insecure one is MTA003's, not MTA004's.
    /// </summary>
    internal static class ConstantSwitch
    {
        public static bool? Of(IOperation value, ConstantFolder folder, CancellationToken cancellationToken)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value.ConstantValue is { HasValue: true, Value: bool constant })
            {
                return constant;
            }

            ISymbol? symbol = value switch
            {
                IFieldReferenceOperation field => field.Field,
                ILocalReferenceOperation local => local.Local,
                _ => null,
            };

            return symbol is not null
                && folder.Assignments.GetSingleAssignedValue(symbol, cancellationToken) is { } assigned
                && folder.GetOperation(assigned, cancellationToken) is { ConstantValue: { HasValue: true, Value: bool single } }
                ? single
                : null;
        }
    }
}
