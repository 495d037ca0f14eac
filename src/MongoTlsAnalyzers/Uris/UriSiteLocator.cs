using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Folding;

namespace MongoTlsAnalyzers.Uris
{
    /// <summary>
    /// Finds MongoDB URIs: every outermost string expression whose folded value starts with
    /// <c>mongodb://</c> or <c>mongodb+srv://</c> (docs/architecture.md "Where the rules look"). Results are cached per
    /// syntax node for the compilation.
    /// </summary>
    internal sealed class UriSiteLocator
    {
        private readonly MongoCompilationModel _model;
        private readonly ConcurrentDictionary<SyntaxNode, UriSite?> _sites = new ConcurrentDictionary<SyntaxNode, UriSite?>();

        /// <summary>The locator of <paramref name="model"/>'s compilation.</summary>
        public static UriSiteLocator For(MongoCompilationModel model) => model.Part(static m => new UriSiteLocator(m));

        private UriSiteLocator(MongoCompilationModel model)
        {
            _model = model;
            RootGate = (operation, cancellationToken) => Find(operation, cancellationToken) is not null;
        }

        /// <summary>
        /// "Is this operation a URI's root?", one instance per compilation: the rules that start from URIs register
        /// with it, so the host asks once per string expression for all of them (<see cref="OperationGate"/>).
        /// </summary>
        public OperationGate RootGate { get; }

        /// <summary>The operation kinds a URI root can be; analyzers register for these.</summary>
        public static readonly ImmutableArray<OperationKind> RootKinds =
            ImmutableArray.Create(OperationKind.Literal, OperationKind.InterpolatedString, OperationKind.Binary);

        /// <summary>The URI rooted at <paramref name="operation"/>, or null.</summary>
        public UriSite? Find(IOperation operation, CancellationToken cancellationToken)
        {
            // Literals, the most common case, are decided by their own text, before anything else.
            if (operation is ILiteralOperation && (LiteralText(operation) is not string text || !MongoUri.HasMongoScheme(text)))
            {
                return null;
            }

            if (!IsCandidateRoot(operation))
            {
                return null;
            }

            if (_sites.TryGetValue(operation.Syntax, out var cached))
            {
                return cached;
            }

            // Cheap rejection before folding the whole expression: a URI's fold starts with the scheme, so its known
            // leading text must too. The answer is cached: up to nine rules ask about every interpolation and
            // concatenation, which are far fewer than literals.
            if (operation is not ILiteralOperation)
            {
                var leading = LeadingText.Of(operation, _model.Folder, cancellationToken);
                if (leading.Kind != LeadingKind.Unknown && !MongoUri.HasMongoScheme(leading.Text))
                {
                    return _sites.GetOrAdd(operation.Syntax, (UriSite?)null);
                }
            }

            var site = Compute(operation, cancellationToken);
            return _sites.GetOrAdd(operation.Syntax, site);
        }

        /// <summary>
        /// True when <paramref name="piece"/> of <paramref name="site"/> lies outside the site's root, inside a
        /// string expression that is itself a MongoDB URI: that URI's own analysis reports it, so this one must not
        /// (one diagnostic per literal, and the same message whichever sink is analysed first).
        /// </summary>
        public bool IsOwnedByAnotherUri(UriSite site, FoldedPiece piece, CancellationToken cancellationToken)
        {
            if (site.IsInRoot(piece) || piece.ReportNode is not ExpressionSyntax expression)
            {
                return false;
            }

            var root = OutermostStringExpression(expression);
            if (root == site.Root)
            {
                return false;
            }

            var operation = _model.Folder.GetOperation(root, cancellationToken);
            return operation is not null && Find(operation, cancellationToken) is not null;
        }

        private static ExpressionSyntax OutermostStringExpression(ExpressionSyntax expression)
        {
            var current = expression;
            while (current.Parent is { } parent)
            {
                switch (parent)
                {
                    case ParenthesizedExpressionSyntax p:
                        current = p;
                        continue;
                    case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AddExpression) || b.IsKind(SyntaxKind.CoalesceExpression):
                        current = b;
                        continue;
                    case InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax interpolated }:
                        current = interpolated;
                        continue;
                }

                break;
            }

            return current;
        }

        private UriSite? Compute(IOperation operation, CancellationToken cancellationToken)
        {
            var folded = _model.Folder.Fold(operation, cancellationToken);
            if (!MongoUri.HasMongoScheme(folded.Value))
            {
                return null;
            }

            // A builder or a string local started from this text: what is appended later in the member is part of the URI.
            var assembled = StringAssembly.Extend(operation, folded, _model.Folder, cancellationToken);
            if (assembled is not null)
            {
                folded = assembled.Folded;
            }

            var uri = _model.ParseUri(folded.Value);
            return uri is null ? null : new UriSite(operation.Syntax, folded, uri, assembled?.IsConditional ?? false, assembled is not null);
        }

        /// <summary>
        /// The value of a string literal, read from its token where it has one: the token holds the value, where
        /// <see cref="IOperation.ConstantValue"/> builds the string again, with a weak reference to it, for each literal
        /// it is asked about once the last copy is collected (every literal of every kept member meets this test).
        /// </summary>
        private static string? LiteralText(IOperation literal) => literal.Syntax switch
        {
            LiteralExpressionSyntax syntax when syntax.IsKind(SyntaxKind.StringLiteralExpression) => syntax.Token.ValueText,
            LiteralExpressionSyntax => null,
            _ => literal.ConstantValue.Value as string,
        };

        /// <summary>
        /// A string literal, interpolated string or concatenation that is not itself part of a larger
        /// concatenation or interpolation (looking through conversions and <c>??</c>).
        /// </summary>
        private static bool IsCandidateRoot(IOperation operation)
        {
            switch (operation)
            {
                case ILiteralOperation when operation.ConstantValue.Value is string:
                case IInterpolatedStringOperation:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } when operation.Type?.SpecialType == SpecialType.System_String:
                    break;
                default:
                    return false;
            }

            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConversionOperation:
                    case IParenthesizedOperation:
                    case ICoalesceOperation:
                        continue;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } when parent.Type?.SpecialType == SpecialType.System_String:
                    case IInterpolationOperation:
                    case IInterpolatedStringTextOperation:
                        return false;
                    default:
                        return true;
                }
            }

            return true;
        }
    }
}
