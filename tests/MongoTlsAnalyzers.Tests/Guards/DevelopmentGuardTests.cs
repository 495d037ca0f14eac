using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Guards;
using MongoTlsAnalyzers.Options;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.Tests.Guards
{
    /// <summary>
    /// The Development-guard recogniser on its own (docs/architecture.md "Development guards"): a table of positive and negative shapes. In each,
    /// the call <c>Insecure()</c> is the setting whose position is judged.
    /// </summary>
    public sealed class DevelopmentGuardTests
    {
        public static IEnumerable<object[]> Positions() => new[]
        {
            // Plain guards, positive.
            Case(true, "if (env.IsDevelopment()) Insecure();"),
            Case(true, "if (env.IsDevelopment()) { Log(); Insecure(); }"),
            Case(true, "if (webEnv.IsDevelopment()) Insecure();"),
            Case(true, "if (env.IsEnvironment(\"Development\")) Insecure();"),
            Case(true, "if (env.IsEnvironment(\"development\")) Insecure();"),
            Case(true, "if (env.IsEnvironment(Environments.Development)) Insecure();"),
            Case(true, "if (env.EnvironmentName == \"Development\") Insecure();"),
            Case(true, "if (\"Development\" == env.EnvironmentName) Insecure();"),
            Case(true, "if (env.EnvironmentName == Environments.Development) Insecure();"),
            Case(true, "if (string.Equals(env.EnvironmentName, \"Development\", System.StringComparison.OrdinalIgnoreCase)) Insecure();"),
            Case(true, "if (env.EnvironmentName.Equals(\"Development\")) Insecure();"),
            Case(true, "if (!env.IsProduction()) Insecure();"),
            Case(true, "if (env.EnvironmentName != \"Production\") Insecure();"),
            Case(true, "if (context.HostingEnvironment.IsDevelopment()) Insecure();"),
            Case(true, "if (builder.Environment.IsDevelopment()) Insecure();"),
            Case(false, "if (DevConst) Insecure();", members: "const bool DevConst = false;"),
            // && chains and nesting.
            Case(true, "if (env.IsDevelopment() && flag) Insecure();"),
            Case(true, "if (flag && env.IsDevelopment()) Insecure();"),
            Case(false, "if (flag && (other || env.IsDevelopment() && flag)) Insecure();"),
            Case(true, "if (env.IsDevelopment()) { if (flag) { Insecure(); } }"),
            Case(true, "if (env.IsDevelopment() || env.IsEnvironment(\"Development\")) Insecure();"),
            // Else branches and early exits.
            Case(true, "if (env.IsProduction()) Log(); else Insecure();"),
            Case(true, "if (!env.IsDevelopment()) { Log(); } else { Insecure(); }"),
            Case(true, "if (!env.IsDevelopment()) return; Insecure();"),
            Case(true, "if (!env.IsDevelopment()) throw new System.InvalidOperationException(); Log(); Insecure();"),
            Case(true, "if (env.IsProduction()) { return; } Insecure();"),
            Case(true, "if (!env.IsDevelopment()) { Log(); return; } Insecure();"),
            // Locals and ?: arms.
            Case(true, "var isDev = env.IsDevelopment(); if (isDev) Insecure();"),
            Case(true, "bool isDev = !env.IsProduction(); if (isDev) Insecure();"),
            Case(true, "var x = env.IsDevelopment() ? Insecure2() : 0;"),
            Case(true, "var x = env.IsProduction() ? 0 : Insecure2();"),
            Case(true, "if (isDevField) Insecure();"),
            // Lambdas created under a guard.
            Case(true, "if (env.IsDevelopment()) { System.Action a = () => Insecure(); }"),
            // switch on the environment name.
            Case(true, "switch (env.EnvironmentName) { case \"Development\": Insecure(); break; }"),
            // #if DEBUG and [Conditional("DEBUG")].
            Case(true, "#if DEBUG\n        Insecure();\n#endif"),
            Case(true, "#if !DEBUG\n        Log();\n#else\n        Insecure();\n#endif"),
            Case(true, "DebugOnly();", target: "DebugInsecure"),
            // Configured guard method.
            Case(true, "if (env.IsLocal()) Insecure();"),

            // Negatives.
            Case(false, "Insecure();"),
            Case(false, "var isDev = env.IsDevelopment(); Insecure();"),
            Case(false, "env.IsDevelopment(); Insecure();"),
            Case(false, "if (env.IsDevelopment()) Log(); Insecure();"),
            Case(false, "if (env.IsDevelopment()) { Log(); } Insecure();"),
            Case(false, "if (!env.IsDevelopment()) Insecure();"),
            Case(false, "if (env.IsProduction()) Insecure();"),
            Case(false, "if (env.IsDevelopment()) Log(); else Insecure();"),
            Case(false, "if (env.IsDevelopment() || flag) Insecure();"),
            Case(false, "if (flag) Insecure();"),
            Case(false, "if (env.IsEnvironment(\"Staging\")) Insecure();"),
            Case(false, "if (env.EnvironmentName == \"Production\") Insecure();"),
            Case(false, "if (env.EnvironmentName != \"Development\") Insecure();"),
            Case(false, "if (!env.IsDevelopment()) Log(); Insecure();"),
            Case(false, "if (!env.IsDevelopment()) { return; } else { Log(); } Insecure();"),
            Case(false, "{ if (!env.IsDevelopment()) return; } Insecure();"),
            Case(false, "var isDev = env.IsDevelopment(); isDev = flag; if (isDev) Insecure();"),
            Case(false, "var x = env.IsDevelopment() ? 0 : Insecure2();"),
            Case(false, "switch (env.EnvironmentName) { case \"Production\": Insecure(); break; }"),
            Case(false, "if (IsDevelopment()) Insecure();"),
            Case(false, "if (env.IsLocalish()) Insecure();"),
            Case(false, "#if !RELEASE\n        Insecure();\n#endif"),
        };

        private static object[] Case(bool expected, string body, string members = "", string target = "Insecure") => new object[] { body, expected, members, target };

        [Theory]
        [MemberData(nameof(Positions))]
        public void DecidesByPosition(string body, bool expected, string members, string target)
        {
            var source = /* lang=c#-test */ $$"""

using Microsoft.Extensions.Hosting;
using System.Diagnostics;

public interface IWebHostEnvironment : IHostEnvironment { }
public sealed class AppBuilder { public IHostEnvironment Environment { get; } = null!; }
public static class GuardExtensions { public static bool IsLocal(this IHostEnvironment env) => true; public static bool IsLocalish(this IHostEnvironment env) => true; }

class C
{
    {{members}}
    private readonly bool isDevField;
    C(IHostEnvironment env) { isDevField = env.IsDevelopment(); }
    static void Insecure() { }
    static int Insecure2() => 1;
    static void Log() { }
    static bool IsDevelopment() => true;
    [Conditional("DEBUG")] static void DebugOnly() { DebugInsecure(); }
    static void DebugInsecure() { }

    void M(IHostEnvironment env, IWebHostEnvironment webEnv, HostBuilderContext context, AppBuilder builder, bool flag, bool other)
    {
        {{body}}
    }
}
""";
            var compilation = AnalyzerRunner.Compile(new[] { source }, DriverVersion.V3, preprocessorSymbols: new[] { "DEBUG" });
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
                .First(i => i.Expression.ToString() == target || (target == "Insecure" && i.Expression.ToString() == "Insecure2"));
            var operation = model.GetOperation(call)!;
            var options = new MongoTlsOptions(
                System.Collections.Immutable.ImmutableArray.Create("GuardExtensions.IsLocal"),
                debugIsDevelopment: true,
                analyzeTestProjects: false,
                TimeoutFloors.Default,
                System.Collections.Immutable.ImmutableArray<OptionError>.Empty);
            var guards = DevelopmentGuards.For(MongoCompilationModel.TryGet(compilation)!);

            Assert.Equal(expected, guards.IsGuarded(operation, options, CancellationToken.None));
        }

        [Fact]
        public void DebugGuardsCanBeSwitchedOff()
        {
            var source = /* lang=c#-test */ """

using System.Diagnostics;
class C
{
    static void Insecure() { }
    [Conditional("DEBUG")] static void A() { Insecure(); }
    void B()
    {
#if DEBUG
        Insecure();
#endif
    }
}
""";
            var compilation = AnalyzerRunner.Compile(new[] { source }, DriverVersion.V3, preprocessorSymbols: new[] { "DEBUG" });
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            var guards = DevelopmentGuards.For(MongoCompilationModel.TryGet(compilation)!);
            var off = new MongoTlsOptions(System.Collections.Immutable.ImmutableArray<string>.Empty, false, false, TimeoutFloors.Default, System.Collections.Immutable.ImmutableArray<OptionError>.Empty);
            foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var operation = model.GetOperation(call)!;
                Assert.True(guards.IsGuarded(operation, MongoTlsOptions.Default, CancellationToken.None));
                Assert.False(guards.IsGuarded(operation, off, CancellationToken.None));
            }
        }

        [Theory]
        [InlineData("env.IsDevelopment()", true)]
        [InlineData("env.IsDevelopment() && flag", true)]
        [InlineData("!env.IsProduction()", true)]
        [InlineData("isDev", true)]
        [InlineData("env.IsDevelopment() ? true : false", true)]
        [InlineData("isDev ? flag : false", true)]
        [InlineData("flag", false)]
        [InlineData("env.IsDevelopment() || flag", false)]
        [InlineData("!env.IsDevelopment()", false)]
        [InlineData("env.IsDevelopment() ? false : true", false)]
        public void RecognisesValuesComputedFromAGuard(string expression, bool expected)
        {
            var source = /* lang=c#-test */ $$"""

using Microsoft.Extensions.Hosting;
class C
{
    static void Use(bool value) { }
    void M(IHostEnvironment env, bool flag)
    {
        var isDev = env.IsDevelopment();
        Use({{expression}});
    }
}
""";
            var compilation = AnalyzerRunner.Compile(new[] { source }, DriverVersion.V3);
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().First(i => i.Expression.ToString() == "Use");
            var value = model.GetOperation(call.ArgumentList.Arguments[0].Expression)!;
            var guards = DevelopmentGuards.For(MongoCompilationModel.TryGet(compilation)!);
            Assert.Equal(expected, guards.IsGuardValue(value, MongoTlsOptions.Default, CancellationToken.None));
        }
    }
}
