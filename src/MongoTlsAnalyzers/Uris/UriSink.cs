using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.Uris
{
    /// <summary>
    /// The driver call a URI is handed to, when a fix may rewrite that call around it: the URI expression is the
    /// call's only argument, as written (no parentheses or casts between them).
    /// </summary>
    internal static class UriSink
    {
        /// <summary>The sink <paramref name="root"/> (a URI site's root) is the only argument of, with the call's span.</summary>
        public static SinkKind Of(IOperation root, DriverTypes types, out TextSpan? span)
        {
            span = null;
            if (root.Syntax.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1 } }
                || root.Parent is not IArgumentOperation { Parent: var call })
            {
                return SinkKind.None;
            }

            var kind = call switch
            {
                IObjectCreationOperation creation when types.Is(creation.Type, DriverType.MongoClient) => SinkKind.ClientConstructor,
                IInvocationOperation { TargetMethod.Name: "FromConnectionString" } invocation
                    when types.RoleOf(invocation.TargetMethod) == DriverRole.Sink && types.Is(invocation.TargetMethod.ContainingType, DriverType.MongoClientSettings) => SinkKind.SettingsFromConnectionString,
                _ => SinkKind.None,
            };
            if (kind != SinkKind.None)
            {
                span = call!.Syntax.Span;
            }

            return kind;
        }

        /// <summary>The sink facts for a diagnostic on <paramref name="site"/>, placed on <paramref name="reportNode"/>: none when the diagnostic is outside the URI's own expression.</summary>
        public static FixFacts With(FixFacts facts, UriSite site, SyntaxNode reportNode, IOperation root, DriverTypes types)
        {
            if (reportNode.SyntaxTree != site.Root.SyntaxTree || !site.Root.Span.Contains(reportNode.Span))
            {
                return facts;
            }

            var sink = Of(root, types, out var span);
            return sink == SinkKind.None ? facts : facts with { Sink = sink, SinkSpan = span };
        }
    }
}
