using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.ConnectionStrings;

namespace MongoTlsAnalyzers.Folding
{
    /// <summary>
    /// A cheap screen in front of <see cref="ConstantFolder.Fold"/>: only the leading pieces of a string expression,
    /// with the same rules as the folder (literals, constants, concatenation, interpolation, <c>??</c>, and locals
    /// and fields assigned once), stopping at the first value not known at compile time or once enough text for a
    /// scheme check is known. Most strings of a code base are rejected here without folding them whole.
    /// </summary>
    internal readonly struct LeadingText
    {
        /// <summary>Longer than <c>mongodb+srv://</c>.</summary>
        public const int Enough = 16;

        private const int MaxSymbolDepth = 8;

        public LeadingText(LeadingKind kind, string text)
        {
            Kind = kind;
            Text = text;
        }

        public LeadingKind Kind { get; }

        public string Text { get; }

        public static LeadingText Of(IOperation operation, ConstantFolder folder, CancellationToken cancellationToken)
        {
            if (FromFirstPiece(operation) is { } decided)
            {
                return decided;
            }

            folder.RememberModel(operation);
            var screen = new Screen(folder, cancellationToken);
            var kind = screen.Append(operation, 0);
            return new LeadingText(kind, screen.Text.ToString());
        }

        /// <summary>
        /// Most string expressions of a code base start with text that cannot begin a MongoDB scheme ("Order ",
        /// "/api/") or with a value not known at compile time; that first piece decides, without allocating and
        /// without resolving symbols. Null when the first piece is a local, a field, <c>??</c>, or text that could
        /// start a scheme: then the screen runs.
        /// </summary>
        private static LeadingText? FromFirstPiece(IOperation operation)
        {
            var first = operation;
            while (true)
            {
                switch (first)
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add when add.Type?.SpecialType == SpecialType.System_String:
                        first = add.LeftOperand;
                        continue;
                    case IInterpolatedStringOperation interpolated when !interpolated.Parts.IsEmpty:
                        switch (interpolated.Parts[0])
                        {
                            case IInterpolatedStringTextOperation text:
                                first = text.Text;
                                continue;
                            case IInterpolationOperation hole when hole.Alignment is null && hole.FormatString is null:
                                first = hole.Expression;
                                continue;
                            default:
                                return null;
                        }

                    case IParenthesizedOperation parenthesized:
                        first = parenthesized.Operand;
                        continue;
                    case IConversionOperation conversion when !conversion.ConstantValue.HasValue:
                        first = conversion.Operand;
                        continue;
                }

                break;
            }

            switch (first)
            {
                case ICoalesceOperation:
                case IInterpolatedStringOperation:
                case IFieldReferenceOperation { Field.IsConst: false }:
                case ILocalReferenceOperation { Local.IsConst: false }:
                    return null;
            }

            if (!first.ConstantValue.HasValue)
            {
                // A hole first: the fold starts with no known text (the screen's ThenHole with empty text).
                return new LeadingText(LeadingKind.ThenHole, string.Empty);
            }

            var known = ConstantFolder.FormatConstant(first.ConstantValue);
            if (known is null)
            {
                return new LeadingText(LeadingKind.ThenHole, string.Empty);
            }

            return known.Length == 0 || MongoUri.CouldStartMongoScheme(known) ? null : new LeadingText(LeadingKind.ThenHole, known);
        }

        private sealed class Screen
        {
            private readonly ConstantFolder _folder;
            private readonly CancellationToken _cancellationToken;

            public Screen(ConstantFolder folder, CancellationToken cancellationToken)
            {
                _folder = folder;
                _cancellationToken = cancellationToken;
            }

            public StringBuilder Text { get; } = new StringBuilder();

            /// <summary>Appends the known leading text of <paramref name="operation"/>; Complete means the caller may go on.</summary>
            public LeadingKind Append(IOperation operation, int depth)
            {
                if (Text.Length >= Enough)
                {
                    return LeadingKind.Enough;
                }

                switch (operation)
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add when add.Type?.SpecialType == SpecialType.System_String:
                        var left = Append(add.LeftOperand, depth);
                        return left == LeadingKind.Complete ? Append(add.RightOperand, depth) : left;

                    case IInterpolatedStringOperation interpolated:
                        return AppendInterpolated(interpolated, depth);

                    case IConversionOperation conversion when !conversion.ConstantValue.HasValue:
                        return Append(conversion.Operand, depth);

                    case IParenthesizedOperation parenthesized:
                        return Append(parenthesized.Operand, depth);

                    case ICoalesceOperation coalesce:
                        return Append(coalesce.Value.ConstantValue is { HasValue: true, Value: not null } ? coalesce.Value : coalesce.WhenNull, depth);

                    case IFieldReferenceOperation { Field: { IsConst: false } field }:
                        return AppendAssigned(field, depth);

                    case ILocalReferenceOperation { Local: { IsConst: false } local }:
                        return AppendAssigned(local, depth);
                }

                if (!operation.ConstantValue.HasValue)
                {
                    return LeadingKind.ThenHole;
                }

                var text = ConstantFolder.FormatConstant(operation.ConstantValue);
                if (text is null)
                {
                    return LeadingKind.ThenHole;
                }

                Text.Append(text);
                return LeadingKind.Complete;
            }

            private LeadingKind AppendInterpolated(IInterpolatedStringOperation interpolated, int depth)
            {
                foreach (var part in interpolated.Parts)
                {
                    if (Text.Length >= Enough)
                    {
                        return LeadingKind.Enough;
                    }

                    switch (part)
                    {
                        case IInterpolatedStringTextOperation text:
                            Text.Append(text.Text.ConstantValue.Value as string);
                            break;

                        case IInterpolationOperation hole when hole.Alignment is null && hole.FormatString is null:
                            // The folder takes a hole's text only when the hole folds completely.
                            var before = Text.Length;
                            var inner = Append(hole.Expression, depth);
                            if (inner == LeadingKind.ThenHole)
                            {
                                Text.Length = before;
                                return LeadingKind.ThenHole;
                            }

                            if (inner != LeadingKind.Complete)
                            {
                                return LeadingKind.Unknown;
                            }

                            break;

                        default:
                            return LeadingKind.ThenHole;
                    }
                }

                return LeadingKind.Complete;
            }

            private LeadingKind AppendAssigned(ISymbol symbol, int depth)
            {
                if (depth >= MaxSymbolDepth)
                {
                    return LeadingKind.Unknown;
                }

                if (!_folder.LeadingTexts.TryGetValue(symbol, out var leading))
                {
                    // Screened on its own, from no text: appending its text here decides the scheme check as
                    // screening it in place would (at worst it says Unknown where in place it had enough text,
                    // and the caller then folds the whole expression).
                    var own = new Screen(_folder, _cancellationToken);
                    var kind = own.AppendValueOf(symbol, depth);
                    leading = _folder.LeadingTexts.GetOrAdd(symbol, new LeadingText(kind, own.Text.ToString()));
                }

                Text.Append(leading.Text);
                return leading.Kind;
            }

            private LeadingKind AppendValueOf(ISymbol symbol, int depth)
            {
                var value = _folder.Assignments.GetSingleAssignedValue(symbol, _cancellationToken);
                if (value is null)
                {
                    return LeadingKind.ThenHole;
                }

                var operation = _folder.GetOperation(value, _cancellationToken);
                return operation is null ? LeadingKind.ThenHole : Append(operation, depth + 1);
            }
        }
    }
}
