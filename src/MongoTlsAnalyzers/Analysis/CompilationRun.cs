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

        private readonly List<(Action<OperationAnalysisContext> Action, ImmutableArray<OperationKind> Kinds, OperationGate? Gate)> _operationActions =
            new List<(Action<OperationAnalysisContext>, ImmutableArray<OperationKind>, OperationGate?)>();

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

        /// <summary>Adds a rule's action, run for <paramref name="kinds"/> when <paramref name="gate"/> (if any) says yes.</summary>
        public void Add(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> kinds, OperationGate? gate) => _operationActions.Add((action, kinds, gate));

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
        /// Registers one symbol start action per named type, which registers one operation-block start action for the
        /// type's members when the source screen says the type can matter; that one registers one dispatching action
        /// per member the screen keeps, over the union of every rule's operation kinds (<see cref="DispatchTable"/>). Roslyn's cost per member grows
        /// with the number of analyzers and of actions registered for it; the dispatch table and the delegates are
        /// built once per compilation. A type the screen rules out costs one callback, and its members none (and the
        /// driver builds no operation tree for them on our behalf): on the 300k-line benchmark, 4,214 type callbacks
        /// and 1,211 block callbacks where there were 37,719 block callbacks (docs/performance.md "Screening types").
        /// </summary>
#pragma warning disable RS1012 // The start actions register the block and dispatching actions.
        public void RegisterMemberActions(CompilationStartAnalysisContext start, IMemberScreen? screen)
#pragma warning restore RS1012
        {
            if (_operationActions.Count == 0)
            {
                return;
            }

            var table = DispatchTable.Build(_operationActions);
            var allKinds = table.Kinds;
            Action<OperationAnalysisContext> dispatch = table.Dispatch;

            // The option mongo_tls.source_screen = false turns the screen off, to rule it out when a diagnostic seems missing.
            if (!MongoTlsOptionsReader.GetGlobal(start.Options).SourceScreen)
            {
                screen = null;
            }

            var screenSwitch = new TreeScreenSwitch(start.Options);
            Action<OperationBlockStartAnalysisContext> blockStart = block =>
            {
                if (screen is null || MayMatter(screen, screenSwitch, block.OperationBlocks))
                {
                    block.RegisterOperationAction(dispatch, allKinds);
                }
            };

            // Members inherit the actions registered at their type's start; nested types do not, and get their own start.
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    if (screen is null || MayMatter(screen, screenSwitch, symbolStart.Symbol))
                    {
                        symbolStart.RegisterOperationBlockStartAction(blockStart);
                    }
                },
                SymbolKind.NamedType);
        }

        /// <summary>
        /// True when a declaration of <paramref name="type"/> holds something the screen keeps, or lies in a file the
        /// screen is off for. Each member's declaration lies inside one of its type's (top-level statements inside
        /// their compilation unit, which is the declaration of their <c>Program</c>); a type without a declaration in
        /// source is kept.
        /// </summary>
        private static bool MayMatter(IMemberScreen screen, TreeScreenSwitch screenSwitch, ISymbol type)
        {
            var declarations = type.DeclaringSyntaxReferences;
            if (declarations.IsEmpty)
            {
                return true;
            }

            foreach (var declaration in declarations)
            {
                if (MayMatter(screen, screenSwitch, declaration.SyntaxTree, declaration.Span))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool MayMatter(IMemberScreen screen, TreeScreenSwitch screenSwitch, ImmutableArray<IOperation> blocks)
        {
            foreach (var block in blocks)
            {
                if (MayMatter(screen, screenSwitch, block.Syntax.SyntaxTree, MemberSpan(block.Syntax)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the screen keeps <paramref name="span"/> of <paramref name="tree"/>, or is off for that file.</summary>
        private static bool MayMatter(IMemberScreen screen, TreeScreenSwitch screenSwitch, SyntaxTree tree, TextSpan span) =>
            screen.MayMatter(tree, span) || !screenSwitch.IsOn(tree);

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
