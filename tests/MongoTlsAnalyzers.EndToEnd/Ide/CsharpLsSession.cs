using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.EndToEnd.Ide
{
    /// <summary>
    /// One csharp-ls server (the version pinned in .config/dotnet-tools.json, started with <c>dotnet tool run
    /// csharp-ls</c> from the repository root) with samples/Samples.sln loaded and analyzers enabled, shared by the
    /// tests of a class. The first one restores the tool and prepares the samples (see <see cref="Prepared"/>).
    /// </summary>
    public class CsharpLsSession : IDisposable
    {
        public static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(5);
        public static readonly TimeSpan DiagnosticsTimeout = TimeSpan.FromMinutes(4);
        public static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(2);

        /// <summary>What the client answers for the <c>csharp</c> section, and sends in initializationOptions.</summary>
        private static readonly JsonObject CsharpSettings = new JsonObject { ["analyzersEnabled"] = true, ["locale"] = "en-US", ["logLevel"] = "info" };

        /// <summary>
        /// Once per test run: the tool; the samples' packages (project.assets.json, which the server's design-time builds
        /// need); and the analyzer and code-fix assemblies, which the samples reference as analyzers and which a language
        /// server does not build. Only the code-fix project is built (it builds the analyzer project): building the
        /// samples themselves would race with tests/MongoTlsAnalyzers.Tests' InsecureAppBuildTests, which rebuilds
        /// samples/InsecureApp while `dotnet test MongoTlsAnalyzers.sln` runs the two test projects side by side.
        /// </summary>
        private static readonly Lazy<string> Prepared = new Lazy<string>(() =>
        {
            var clock = Stopwatch.StartNew();
            Run(TimeSpan.FromMinutes(5), "tool", "restore");
            Run(TimeSpan.FromMinutes(5), "restore", Path.Combine("samples", "Samples.sln"));
            Run(TimeSpan.FromMinutes(10), "build", Path.Combine("src", "MongoTlsAnalyzers.CodeFixes", "MongoTlsAnalyzers.CodeFixes.csproj"), "-nologo");
            return $"dotnet tool restore, restore samples, build the analyzers: {clock.Elapsed.TotalSeconds:F0} s";
        });

        private readonly HashSet<string> _opened = new HashSet<string>(StringComparer.Ordinal);
        private readonly bool _pullDiagnostics;
        private readonly List<(string Method, string Params)> _serverRequests = new List<(string, string)>();

        /// <summary>A client that takes pushed diagnostics (textDocument/publishDiagnostics), as the issue asks.</summary>
        public CsharpLsSession()
            : this(pullDiagnostics: false)
        {
        }

        /// <param name="pullDiagnostics">
        /// Announce the textDocument.diagnostic client capability. csharp-ls then registers textDocument/diagnostic and
        /// stops pushing diagnostics altogether.
        /// </param>
        protected CsharpLsSession(bool pullDiagnostics)
        {
            _pullDiagnostics = pullDiagnostics;
            var clock = Stopwatch.StartNew();
            Note(Prepared.Value);

            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryPaths.Root };
            foreach (var argument in new[] { "tool", "run", "csharp-ls", "--solution", SolutionPath, "--locale", "en-US" })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            // The test host's own MSBuild location must not leak into the server's MSBuildWorkspace.
            start.Environment.Remove("MSBuildExtensionsPath");
            start.Environment.Remove("MSBuildSDKsPath");
            start.Environment.Remove("MSBUILD_EXE_PATH");
            Client = new LspClient(start, AnswerServerRequest);
            try
            {
                Initialize();
                Note($"server started and solution loaded: {clock.Elapsed.TotalSeconds:F0} s");
            }
            catch
            {
                Client.Dispose();
                throw;
            }
        }

        public static string SamplesDirectory => RepositoryPaths.Combine("samples");

        public static string SolutionPath => RepositoryPaths.Combine("samples", "Samples.sln");

        public LspClient Client { get; }

        /// <summary>Observations for the test output: timings, what the server asked for.</summary>
        public List<string> Log { get; } = new List<string>();

        public static string UriOf(string path) => new Uri(path).AbsoluteUri;

        public static bool SameFile(string uri, string path) =>
            string.Equals(new Uri(uri).LocalPath, Path.GetFullPath(path), StringComparison.Ordinal);

        /// <summary>Sends textDocument/didOpen for the file, the first time only.</summary>
        public void Open(string path, string languageId = "csharp")
        {
            lock (_opened)
            {
                if (!_opened.Add(path))
                {
                    return;
                }
            }

            Client.Notify("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject
                {
                    ["uri"] = UriOf(path),
                    ["languageId"] = languageId,
                    ["version"] = 1,
                    ["text"] = File.ReadAllText(path),
                },
            });
        }

        /// <summary>
        /// Opens the file and waits for the first publishDiagnostics for it that satisfies <paramref name="ready"/>;
        /// returns that notification's diagnostics.
        /// </summary>
        public JsonElement[] OpenAndWaitForDiagnostics(string path, Func<JsonElement[], bool> ready, string what)
        {
            Open(path);
            var clock = Stopwatch.StartNew();
            var published = Client.WaitForNotification(
                "textDocument/publishDiagnostics",
                p => SameFile(p.GetProperty("uri").GetString()!, path) && ready(p.GetProperty("diagnostics").EnumerateArray().ToArray()),
                DiagnosticsTimeout,
                what + " for " + path);
            Note($"diagnostics for {Path.GetFileName(path)} after {clock.Elapsed.TotalSeconds:F1} s");
            return published.GetProperty("diagnostics").EnumerateArray().ToArray();
        }

        public void Dispose()
        {
            try
            {
                Client.Request("shutdown", null, TimeSpan.FromSeconds(30));
                Client.Notify("exit", null);
            }
            catch (Exception e) when (e is InvalidOperationException || e is AggregateException || e is IOException)
            {
                // the process tree is killed below anyway
            }

            Client.Dispose();
        }

        private static void Run(TimeSpan timeout, params string[] arguments)
        {
            var (exitCode, output) = DotNetCli.Run(RepositoryPaths.Root, timeout, arguments);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed with {exitCode}:\n{output}");
            }
        }

        private void Initialize()
        {
            var samplesUri = UriOf(SamplesDirectory + Path.DirectorySeparatorChar);
            var textDocument = new JsonObject
            {
                ["synchronization"] = new JsonObject { ["dynamicRegistration"] = true, ["didSave"] = true },
                ["publishDiagnostics"] = new JsonObject
                {
                    ["relatedInformation"] = true,
                    ["versionSupport"] = true,
                    ["codeDescriptionSupport"] = true,
                    ["dataSupport"] = true,
                },
                ["codeAction"] = new JsonObject
                {
                    ["dynamicRegistration"] = true,
                    ["isPreferredSupport"] = true,
                    ["dataSupport"] = true,
                    ["resolveSupport"] = new JsonObject { ["properties"] = new JsonArray("edit") },
                    ["codeActionLiteralSupport"] = new JsonObject
                    {
                        ["codeActionKind"] = new JsonObject
                        {
                            ["valueSet"] = new JsonArray("", "quickfix", "refactor", "refactor.extract", "refactor.inline", "refactor.rewrite", "source", "source.organizeImports"),
                        },
                    },
                },
            };
            if (_pullDiagnostics)
            {
                // csharp-ls pushes diagnostics only to a client that does not announce this (pull) capability.
                textDocument["diagnostic"] = new JsonObject { ["dynamicRegistration"] = true };
            }

            Client.Request("initialize", new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["clientInfo"] = new JsonObject { ["name"] = "MongoTlsAnalyzers.EndToEnd" },
                ["rootUri"] = samplesUri,
                ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = samplesUri, ["name"] = "samples" }),
                // csharp-ls 0.28.0 ignores initializationOptions: with the workspace/configuration request answered null,
                // analyzers stayed off (MongoClientFactory.cs got an empty publishDiagnostics). Sent for clients' sake;
                // the answer to workspace/configuration is what turns analyzers on.
                ["initializationOptions"] = new JsonObject { ["csharp"] = CsharpSettings.DeepClone() },
                ["capabilities"] = new JsonObject
                {
                    ["workspace"] = new JsonObject
                    {
                        ["configuration"] = true,
                        ["workspaceFolders"] = true,
                        ["didChangeConfiguration"] = new JsonObject { ["dynamicRegistration"] = true },
                    },
                    ["textDocument"] = textDocument,
                    ["window"] = new JsonObject { ["workDoneProgress"] = true },
                },
            }, RequestTimeout);
            Client.Notify("initialized", new JsonObject());

            // csharp-ls loads a workspace folder's solution lazily, on the first request or didOpen that needs it. A
            // documentSymbol request for a sample file starts the load and is answered only once the load has ended; the
            // load itself logs "Finished loading solution" (or "... could not be loaded", and the folder stays defunct).
            var clock = Stopwatch.StartNew();
            var probe = RepositoryPaths.Combine("samples", "InsecureApp", "Program.cs");
            var symbols = Client.Request("textDocument/documentSymbol", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = UriOf(probe) },
            }, LoadTimeout);
            var messages = Client.Notifications("window/logMessage").Select(m => m.GetProperty("message").GetString() ?? string.Empty).ToList();
            Note($"solution load (documentSymbol answered): {clock.Elapsed.TotalSeconds:F0} s");
            foreach (var message in messages.Where(m => m.Contains("msbuildWorkspace.Diagnostics", StringComparison.Ordinal)))
            {
                Note(message);
            }

            if (!messages.Any(m => m.Contains("Finished loading solution", StringComparison.Ordinal)) || symbols.ValueKind != JsonValueKind.Array)
            {
                throw Client.Failure($"csharp-ls did not load {SolutionPath} (documentSymbol answered {symbols.ValueKind}):\n{string.Join("\n", messages)}");
            }
        }

        private void Note(string line)
        {
            lock (Log)
            {
                Log.Add(line);
            }
        }

        /// <summary>The server-to-client requests so far: method and raw params, in order.</summary>
        public List<(string Method, string Params)> ServerRequests()
        {
            lock (_serverRequests)
            {
                return _serverRequests.ToList();
            }
        }

        private JsonNode? AnswerServerRequest(string method, JsonElement parameters)
        {
            lock (_serverRequests)
            {
                _serverRequests.Add((method, parameters.ValueKind == JsonValueKind.Undefined ? string.Empty : parameters.GetRawText()));
            }

            switch (method)
            {
                case "workspace/configuration":
                    var answers = new JsonArray();
                    foreach (var item in parameters.GetProperty("items").EnumerateArray())
                    {
                        var section = item.TryGetProperty("section", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                        Note("workspace/configuration asked for section " + (section ?? "(none)"));
                        answers.Add(section switch
                        {
                            "csharp" => CsharpSettings.DeepClone(),
                            null => new JsonObject { ["csharp"] = CsharpSettings.DeepClone() },
                            _ => null,
                        });
                    }

                    return answers;
                case "client/registerCapability":
                case "client/unregisterCapability":
                case "window/workDoneProgress/create":
                case "window/showMessageRequest":
                case "workspace/diagnostic/refresh":
                case "workspace/semanticTokens/refresh":
                case "workspace/inlayHint/refresh":
                case "workspace/codeLens/refresh":
                    return null;
                default:
                    throw new NotSupportedException(method);
            }
        }
    }

    /// <summary>A <see cref="CsharpLsSession"/> whose client announces pull diagnostics (textDocument/diagnostic).</summary>
    public sealed class CsharpLsPullSession : CsharpLsSession
    {
        public CsharpLsPullSession()
            : base(pullDiagnostics: true)
        {
        }
    }
}
