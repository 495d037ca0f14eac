using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.Options;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// The host's state for one compilation: every rule's operation actions, gathered into one dispatching action
    /// per member, and what has been reported.
    /// </summary>
    internal sealed class CompilationRun
    {
        private readonly ConcurrentDictionary<(string Id, SyntaxTree? Tree, TextSpan Span), bool> _reported =
            new ConcurrentDictionary<(string, SyntaxTree?, TextSpan), bool>();

        private readonly List<(Action<OperationAnalysisContext> Action, ImmutableArray<OperationKind> Kinds)> _operationActions =
            new List<(Action<OperationAnalysisContext>, ImmutableArray<OperationKind>)>();

        private readonly TestFileDetector? _testFiles;

        private readonly GeneratedFiles? _generatedFiles;

        public CompilationRun(bool isTestProject, TestFileDetector? testFiles = null, GeneratedFiles? generatedFiles = null)
        {
            IsTestProject = isTestProject;
            _testFiles = isTestProject ? null : testFiles;
            _generatedFiles = generatedFiles;
        }

        /// <summary>The whole project is test code (<see cref="TestProjectDetector"/>).</summary>
        public bool IsTestProject { get; }

        /// <summary>Whether any file of the compilation can be test code, whole project or test file.</summary>
        public bool MayHaveTestCode => IsTestProject || _testFiles is not null;

        /// <summary>True when the code of <paramref name="model"/>'s tree is test code (docs/architecture.md "Test code").</summary>
        public bool IsTestCode(SemanticModel model) => IsTestProject || (_testFiles is not null && _testFiles.IsTestFile(model));

        public void Add(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> kinds) => _operationActions.Add((action, kinds));

        /// <summary>
        /// Reports <paramref name="diagnostic"/> once per id and place, and never in a generated file: the driver
        /// does not run the rules in generated code, and does not check where their diagnostics land
        /// (<see cref="GeneratedFiles"/>). A diagnostic in <paramref name="analysedTree"/>, the file of the operation
        /// being analysed, needs no check: the driver analyses no generated file.
        /// </summary>
        public void Report(Action<Diagnostic> report, Diagnostic diagnostic, SyntaxTree analysedTree)
        {
            var location = diagnostic.Location;
            if (location.SourceTree is { } tree && tree != analysedTree && _generatedFiles is not null && _generatedFiles.Contains(tree))
            {
                return;
            }

            if (_reported.TryAdd((diagnostic.Id, location.SourceTree, location.SourceSpan), true))
            {
                report(diagnostic);
            }
        }

        /// <summary>
        /// Registers one operation-block start action that registers one dispatching action per block, over the
        /// union of every rule's operation kinds. Roslyn's cost per block grows with the number of analyzers and of
        /// actions registered in it; the dispatch table and the delegate are built once per compilation. Members
        /// the screen rules out get no action at all.
        /// </summary>
#pragma warning disable RS1012 // The block start action registers the dispatching action.
        public void RegisterBlockActions(CompilationStartAnalysisContext start, IMemberScreen? screen)
#pragma warning restore RS1012
        {
            if (_operationActions.Count == 0)
            {
                return;
            }

            var byKind = new Dictionary<OperationKind, List<Action<OperationAnalysisContext>>>();
            var maxKind = 0;
            foreach (var (action, kinds) in _operationActions)
            {
                foreach (var kind in kinds)
                {
                    if (!byKind.TryGetValue(kind, out var list))
                    {
                        byKind.Add(kind, list = new List<Action<OperationAnalysisContext>>());
                    }

                    list.Add(action);
                    maxKind = Math.Max(maxKind, (int)kind);
                }
            }

            var table = new Action<OperationAnalysisContext>[maxKind + 1][];
            foreach (var pair in byKind)
            {
                table[(int)pair.Key] = pair.Value.ToArray();
            }

            var allKinds = ImmutableArray.CreateRange(byKind.Keys);
            Action<OperationAnalysisContext> dispatch = context =>
            {
                foreach (var action in table[(int)context.Operation.Kind])
                {
                    action(context);
                }
            };

            // The option mongo_tls.source_screen = false turns the screen off, to rule it out when a diagnostic seems missing.
            if (!MongoTlsOptionsReader.GetGlobal(start.Options).SourceScreen)
            {
                screen = null;
            }

            var screenSwitch = new TreeScreenSwitch(start.Options);
            start.RegisterOperationBlockStartAction(block =>
            {
                if (screen is null || MayMatter(screen, screenSwitch, block.OperationBlocks))
                {
                    block.RegisterOperationAction(dispatch, allKinds);
                }
            });
        }

        private static bool MayMatter(IMemberScreen screen, TreeScreenSwitch screenSwitch, ImmutableArray<IOperation> blocks)
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
        /// The whole declaration a block belongs to (signature, initializers and body): a root's trigger word can be a
        /// parameter's type, such as <c>SslStreamSettings</c> in <c>Configure(SslStreamSettings s) =&gt; s.With(...)</c>.
        /// </summary>
        private static TextSpan MemberSpan(SyntaxNode syntax)
        {
            for (var node = syntax; node is not null; node = node.Parent)
            {
                if (node is MemberDeclarationSyntax or CompilationUnitSyntax)
                {
                    return node.Span;
                }
            }

            return syntax.Span;
        }
    }
}
