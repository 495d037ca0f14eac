using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Configuration;

namespace MongoTlsAnalyzers.Infrastructure
{
    /// <summary>
    /// Base of every rule: it skips generated code, runs concurrently, and registers the rule's actions
    /// only when the compilation references MongoDB.Driver (DESIGN §7 "Analyzer hygiene").
    /// </summary>
    public abstract class MongoAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            // RS1012 cannot see that OnCompilationStart registers the actions on 'start'.
#pragma warning disable RS1012 // Start action has no registered actions
            context.RegisterCompilationStartAction(start =>
            {
                var model = MongoCompilationModel.TryGet(start.Compilation);
                if (model is null)
                {
                    return;
                }

                var session = new MongoAnalysisSession(start, model);
                OnCompilationStart(session);
                session.RegisterBlockActions();
            });
#pragma warning restore RS1012
        }

        /// <summary>Registers the rule's actions; only called when the driver is referenced.</summary>
        internal abstract void OnCompilationStart(MongoAnalysisSession session);
    }

    /// <summary>
    /// One analyzer's view of one compilation: the shared model, options, test-project status, and a
    /// record of what it has reported, so that a literal used by several sinks is reported once.
    /// </summary>
    internal sealed class MongoAnalysisSession
    {
        private readonly ConcurrentDictionary<(string Id, SyntaxTree? Tree, Microsoft.CodeAnalysis.Text.TextSpan Span), bool> _reported =
            new ConcurrentDictionary<(string, SyntaxTree?, Microsoft.CodeAnalysis.Text.TextSpan), bool>();

        private readonly bool _isTestProject;

#pragma warning disable RS1012 // The session hands 'start' to the rule, which registers its actions on it.
        public MongoAnalysisSession(CompilationStartAnalysisContext start, MongoCompilationModel model)
#pragma warning restore RS1012
        {
            Start = start;
            Model = model;
            _isTestProject = TestProjectDetector.IsTestProject(start.Compilation, start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
        }

        private readonly System.Collections.Generic.List<(System.Action<OperationAnalysisContext> Action, ImmutableArray<OperationKind> Kinds)> _operationActions =
            new System.Collections.Generic.List<(System.Action<OperationAnalysisContext>, ImmutableArray<OperationKind>)>();

        public CompilationStartAnalysisContext Start { get; }

        public MongoCompilationModel Model { get; }

        public DriverTypes Types => Model.Types!;

        public bool IsTestProject => _isTestProject;

        public MongoTlsOptions GetOptions(SyntaxTree tree) => MongoTlsOptionsReader.Get(Start.Options, tree);

        /// <summary>True when a rule that is silent in test code (DESIGN §3 "Test code") should stay silent here.</summary>
        public bool IsSilencedAsTestCode(SyntaxTree tree) => _isTestProject && !GetOptions(tree).AnalyzeTestProjects;

        /// <summary>
        /// Registers an operation action, run inside each operation block. Rules report some diagnostics away from the
        /// operation they analyse (a password in a local's initializer, found from the connection string that uses
        /// it). The IDE keeps only diagnostics that are "local" to what it analyses: for an action registered on the
        /// compilation, that is the callback's own node; for one registered in an operation block, the whole member.
        /// So registering per block keeps such diagnostics visible in the editor, not only in the build.
        /// </summary>
        public void RegisterOperationAction(System.Action<OperationAnalysisContext> action, params OperationKind[] kinds) =>
            RegisterOperationAction(action, ImmutableArray.Create(kinds));

        public void RegisterOperationAction(System.Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> kinds) =>
            _operationActions.Add((action, kinds));

        /// <summary>
        /// Registers one operation-block start action that registers one dispatching action per block, over the
        /// union of the rule's operation kinds. Roslyn's cost per block grows with the number of actions registered
        /// in it, and a rule may register several; the dispatch table and the delegate are built once per compilation.
        /// </summary>
        internal void RegisterBlockActions()
        {
            if (_operationActions.Count == 0)
            {
                return;
            }

            var byKind = new System.Collections.Generic.Dictionary<OperationKind, System.Collections.Generic.List<System.Action<OperationAnalysisContext>>>();
            var maxKind = 0;
            foreach (var (action, kinds) in _operationActions)
            {
                foreach (var kind in kinds)
                {
                    if (!byKind.TryGetValue(kind, out var list))
                    {
                        byKind.Add(kind, list = new System.Collections.Generic.List<System.Action<OperationAnalysisContext>>());
                    }

                    list.Add(action);
                    maxKind = System.Math.Max(maxKind, (int)kind);
                }
            }

            var table = new System.Action<OperationAnalysisContext>[maxKind + 1][];
            foreach (var pair in byKind)
            {
                table[(int)pair.Key] = pair.Value.ToArray();
            }

            var allKinds = ImmutableArray.CreateRange(byKind.Keys);
            System.Action<OperationAnalysisContext> dispatch = context =>
            {
                foreach (var action in table[(int)context.Operation.Kind])
                {
                    action(context);
                }
            };

            // Members that cannot hold anything the rules analyse get no operation action at all (SourceScreen). The
            // option mongo_tls.source_screen = false turns the screen off, to rule it out when a diagnostic seems missing.
            var screen = MongoTlsOptionsReader.GetGlobal(Start.Options).SourceScreen ? Model.Screen : null;
            var screenSwitch = new TreeScreenSwitch(Start.Options);
            Start.RegisterOperationBlockStartAction(block =>
            {
                if (screen is null || MayMatter(screen, screenSwitch, block.OperationBlocks))
                {
                    block.RegisterOperationAction(dispatch, allKinds);
                }
            });
        }

        private static bool MayMatter(Screening.SourceScreen screen, TreeScreenSwitch screenSwitch, ImmutableArray<IOperation> blocks)
        {
            foreach (var block in blocks)
            {
                var tree = block.Syntax.SyntaxTree;
                if (screen.MayMatter(tree, MemberSpan(block.Syntax)) || !screenSwitch.IsOn(tree))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a file's .editorconfig leaves the screen on. Asked for most members of the compilation, and the
        /// options lookup per tree is not free, so the last file's answer is kept: a file's blocks come one after
        /// another. Racing threads only repeat a lookup; each answer is an immutable pair.
        /// </summary>
        private sealed class TreeScreenSwitch
        {
            private readonly AnalyzerOptions _options;
            private Answer? _last;

            public TreeScreenSwitch(AnalyzerOptions options)
            {
                _options = options;
            }

            public bool IsOn(SyntaxTree tree)
            {
                var last = System.Threading.Volatile.Read(ref _last);
                if (last is not null && last.Tree == tree)
                {
                    return last.On;
                }

                var on = MongoTlsOptionsReader.Get(_options, tree).SourceScreen;
                System.Threading.Volatile.Write(ref _last, new Answer(tree, on));
                return on;
            }

            private sealed class Answer
            {
                public Answer(SyntaxTree tree, bool on)
                {
                    Tree = tree;
                    On = on;
                }

                public SyntaxTree Tree { get; }

                public bool On { get; }
            }
        }

        /// <summary>
        /// The whole declaration a block belongs to (signature, initializers and body): a root's trigger word can be a
        /// parameter's type, such as <c>SslStreamSettings</c> in <c>Configure(SslStreamSettings s) =&gt; s.With(...)</c>.
        /// </summary>
        private static Microsoft.CodeAnalysis.Text.TextSpan MemberSpan(SyntaxNode syntax)
        {
            for (var node = syntax; node is not null; node = node.Parent)
            {
                if (node is Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax)
                {
                    return node.Span;
                }
            }

            return syntax.Span;
        }

        /// <summary>Reports <paramref name="diagnostic"/> unless the same rule already reported at the same place.</summary>
        public void Report(System.Action<Diagnostic> report, Diagnostic diagnostic)
        {
            var location = diagnostic.Location;
            var key = (diagnostic.Id, location.SourceTree, location.SourceSpan);
            if (_reported.TryAdd(key, true))
            {
                report(diagnostic);
            }
        }
    }
}
