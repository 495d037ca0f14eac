using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using MongoTlsAnalyzers.CodeFixes.CodeBuilders;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.CodeFixes.Fixes
{
    /// <summary>
    /// MTA001 and MTA002: "Move the connection string to configuration". Reads the value from an
    /// <c>IConfiguration</c> in scope (<c>GetConnectionString("MongoDB")</c>), else from the <c>MONGODB_URI</c>
    /// environment variable, failing clearly when it is missing; removes the literal and the const or field
    /// that held it once unused. Each connection gets its own key (<see cref="ConnectionKeys"/>), and every copy of the
    /// same connection string in the project moves with it (<see cref="ConnectionMove"/>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveToConfigurationFixer))]
    [Shared]
    public sealed class MoveToConfigurationFixer : CodeFixProvider
    {
        /// <summary>Equivalence key of the action; tests and Fix All select it by this value.</summary>
        public const string EquivalenceKey = "MTA.MoveToConfiguration";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(RuleIds.HardCodedCredentials, RuleIds.HardCodedConnectionString);

        public override FixAllProvider GetFixAllProvider() => ConnectionMoveFixAll.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var title = await HardCodedValueEditor.DescribeAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (title is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        cancellationToken => ConnectionMove.ApplyAsync(
                            context.Document.Project.Solution,
                            ConnectionMove.ByDocument(context.Document.Project.Solution, new[] { diagnostic }),
                            cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
