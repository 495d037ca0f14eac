using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using MongoTlsAnalyzers.EndToEnd.Infrastructure;
using Xunit.Abstractions;

namespace MongoTlsAnalyzers.EndToEnd.Ide
{
    /// <summary>
    /// The lightbulb, the way an IDE host finds it: MSBuildWorkspace opens the user's solution, the analyzers and
    /// code-fix providers come from the project's analyzer references (our restored NuGet package), and every
    /// action offered for every diagnostic of a document is previewed and applied, then Fix All runs in Document,
    /// Project and Solution scope. Each result must compile and lose the diagnostics it fixed.
    /// </summary>
    public sealed class LightbulbTests : IClassFixture<LightbulbSolution>
    {
        private readonly LightbulbSolution _solution;
        private readonly ITestOutputHelper _output;

        public LightbulbTests(LightbulbSolution solution, ITestOutputHelper output)
        {
            _solution = solution;
            _output = output;
        }

        [Fact]
        public void AnalyzersAndFixersComeFromThePackage()
        {
            var host = _solution.Host;
            var packageFolder = Path.Combine("mongotlsanalyzers", PackedPackages.Instance.Version, "analyzers", "dotnet", "cs");
            Assert.Equal(new[] { "MongoTlsAnalyzers", "MongoTlsAnalyzers.CodeFixes" }, host.References.Select(r => r.Display).OrderBy(d => d, StringComparer.Ordinal));
            Assert.All(host.References, r => Assert.Contains(packageFolder, r.FullPath, StringComparison.OrdinalIgnoreCase));
            // One analyzer hosting every rule (docs/architecture.md "From a syntax node to a diagnostic").
            Assert.Single(host.Analyzers);
            Assert.Equal(
                Enumerable.Range(0, 12).Select(i => "MTA0" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)),
                host.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));
            Assert.Equal(
                new[] { "CaConfigurationFixer", "ConnectionStringRejectedFixer", "EnableTlsFixer", "IgnoredOptionFixer", "InsecureSettingFixer", "LegacyTlsProtocolsFixer", "MoveToConfigurationFixer", "SecureSettingsFixer", "TimeoutFixer", "TimeoutUnitFixer" },
                host.Fixers.Select(f => f.GetType().Name).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("MongoClientFactory.cs")]
        [InlineData("TlsConfiguration.cs")]
        [InlineData("CertificateSetup.cs")]
        [InlineData("AnalyticsStore.cs")]
        [InlineData("ReportingStore.cs")]
        public async Task EveryOfferedActionPreviewsAppliesCompilesAndRemovesItsDiagnostic(string file)
        {
            var document = _solution.App.Documents.Single(d => d.Name == file);
            var diagnostics = await _solution.Host.DiagnosticsAsync(document);
            var expected = SampleExpectations.InsecureApp().Where(e => e.File == file).Select(e => $"{e.Line}:{e.Id}").OrderBy(e => e, StringComparer.Ordinal);
            Assert.Equal(expected, diagnostics.Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line + 1}:{d.Id}").OrderBy(e => e, StringComparer.Ordinal));

            foreach (var diagnostic in diagnostics)
            {
                var actions = await _solution.Host.ActionsAsync(document, diagnostic);
                Assert.True(actions.Count > 0, "no fix offered for " + diagnostic);
                foreach (var (fixer, action) in actions)
                {
                    _output.WriteLine($"{diagnostic.Id} line {diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1}: {action.Title} [{action.EquivalenceKey}] from {fixer.GetType().Name}");
                    var preview = await ChangedSolutionAsync(await action.GetPreviewOperationsAsync(CancellationToken.None));
                    var applied = await ChangedSolutionAsync(await action.GetOperationsAsync(CancellationToken.None));
                    Assert.Equal(await TextOf(preview, document.Id), await TextOf(applied, document.Id));
                    await AssertCompilesAsync(applied, action.Title);
                    var after = await _solution.Host.DiagnosticsAsync(applied.GetDocument(document.Id)!);
                    Assert.True(
                        Count(after, diagnostic) < Count(diagnostics, diagnostic),
                        $"'{action.Title}' left {diagnostic.Id} ({diagnostic.GetMessage()}) in place");
                }
            }
        }

        [Theory]
        [InlineData(FixAllScope.Document)]
        [InlineData(FixAllScope.Project)]
        [InlineData(FixAllScope.Solution)]
        public async Task FixAllRemovesEveryDiagnosticItsKeyWasOfferedFor(FixAllScope scope)
        {
            var solution = _solution.Solution;
            var trigger = _solution.App.Documents.Single(d => d.Name == "MongoClientFactory.cs");
            var inScope = scope switch
            {
                FixAllScope.Document => new[] { trigger },
                FixAllScope.Project => _solution.App.Documents.ToArray(),
                _ => solution.Projects.SelectMany(p => p.Documents).ToArray(),
            };

            // Which diagnostics in scope each (fixer, key) pair is offered for.
            var offered = new Dictionary<(CodeFixProvider Fixer, string Key), List<(DocumentId Document, Diagnostic Diagnostic)>>();
            foreach (var document in inScope)
            {
                foreach (var diagnostic in await _solution.Host.DiagnosticsAsync(document))
                {
                    foreach (var (fixer, action) in await _solution.Host.ActionsAsync(document, diagnostic))
                    {
                        var key = (fixer, action.EquivalenceKey!);
                        if (!offered.TryGetValue(key, out var list))
                        {
                            offered[key] = list = new List<(DocumentId, Diagnostic)>();
                        }

                        list.Add((document.Id, diagnostic));
                    }
                }
            }

            var triggerKeys = offered.Where(pair => pair.Value.Any(v => v.Document == trigger.Id)).Select(pair => pair.Key).ToList();
            Assert.Contains(triggerKeys, k => k.Key == "MTA.MoveToConfiguration");
            foreach (var (fixer, key) in triggerKeys)
            {
                var provider = fixer.GetFixAllProvider();
                Assert.NotNull(provider);
                Assert.Contains(scope, provider!.GetSupportedFixAllScopes());
                var ids = offered[(fixer, key)].Select(v => v.Diagnostic.Id).Distinct().ToImmutableArray();
                var context = new FixAllContext(trigger, fixer, scope, key, ids, new PackagedDiagnosticProvider(_solution.Host), CancellationToken.None);
                var fix = await provider.GetFixAsync(context);
                Assert.NotNull(fix);
                var changed = await ChangedSolutionAsync(await fix!.GetOperationsAsync(CancellationToken.None));
                await AssertCompilesAsync(changed, $"Fix All {key} in {scope}");

                var targets = offered[(fixer, key)];
                _output.WriteLine($"Fix All {key} ({fixer.GetType().Name}) in {scope}: {targets.Count} diagnostics in {targets.Select(t => t.Document).Distinct().Count()} documents");
                foreach (var group in targets.GroupBy(t => t.Document))
                {
                    var before = group.Select(t => t.Diagnostic).ToImmutableArray();
                    var after = await _solution.Host.DiagnosticsAsync(changed.GetDocument(group.Key)!);
                    foreach (var diagnostic in before)
                    {
                        Assert.True(Count(after, diagnostic) == 0, $"Fix All {key} in {scope} left {diagnostic.Id} ({diagnostic.GetMessage()})");
                    }
                }
            }
        }

        private static async Task<Solution> ChangedSolutionAsync(IEnumerable<CodeActionOperation> operations)
        {
            var apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
            await Task.CompletedTask;
            return apply.ChangedSolution;
        }

        private static async Task<string> TextOf(Solution solution, DocumentId id) => (await solution.GetDocument(id)!.GetTextAsync()).ToString();

        private static async Task AssertCompilesAsync(Solution solution, string what)
        {
            foreach (var project in solution.Projects)
            {
                var compilation = (await project.GetCompilationAsync())!;
                var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Assert.True(errors.Count == 0, $"{what} does not compile:\n" + string.Join("\n", errors));
            }
        }

        /// <summary>How many diagnostics with the same id and message (the identity that survives edits) there are.</summary>
        private static int Count(ImmutableArray<Diagnostic> diagnostics, Diagnostic like) =>
            diagnostics.Count(d => d.Id == like.Id && d.GetMessage() == like.GetMessage());
    }
}
