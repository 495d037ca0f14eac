using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Folding;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// Everything the rules share for one compilation that references MongoDB.Driver: the resolved driver types, the
    /// constant and timeout folders, the cache of parsed URIs, and the parts of the model built on top of them
    /// (URI sites, guards, TLS verdicts, the source screen). One instance per compilation is shared by all rules, so
    /// each URI is folded and parsed once however many rules ask about it.
    /// <para>
    /// The parts live in folders above this one (docs/architecture.md), so they are made through <see cref="Part{T}"/>
    /// instead of being named here: that keeps every dependency between folders pointing one way.
    /// </para>
    /// </summary>
    internal sealed class MongoCompilationModel
    {
        private static readonly ConditionalWeakTable<Compilation, MongoCompilationModel> Models =
            new ConditionalWeakTable<Compilation, MongoCompilationModel>();

        private readonly ConcurrentDictionary<string, MongoUri?> _parsedUris = new ConcurrentDictionary<string, MongoUri?>();
        private readonly ConcurrentDictionary<Type, Lazy<object>> _parts = new ConcurrentDictionary<Type, Lazy<object>>();

        /// <summary>The parse delegate, made once: a lambda at the call site would allocate on every lookup.</summary>
        private readonly Func<string, MongoUri?> _parse;

        private MongoCompilationModel(Compilation compilation, DriverTypes types)
        {
            Compilation = compilation;
            Types = types;
            _parse = text => MongoUriParser.Parse(text, Profile);
            Folder = new ConstantFolder(compilation);
            Timeouts = new TimeoutFolder(Folder, Folder.Assignments);
        }

        public Compilation Compilation { get; }

        public DriverTypes Types { get; }

        public ConstantFolder Folder { get; }

        public TimeoutFolder Timeouts { get; }

        public DriverProfile Profile => Types.Profile;

        /// <summary>
        /// The shared model for <paramref name="compilation"/>, or null when MongoDB.Driver is not referenced (then
        /// the analyzer registers nothing). The reference check is a short scan of assembly names, so a compilation
        /// without the driver costs almost nothing, and nothing is cached for it.
        /// </summary>
        public static MongoCompilationModel? TryGet(Compilation compilation)
        {
            if (Models.TryGetValue(compilation, out var existing))
            {
                return existing;
            }

            var types = DriverTypes.TryResolve(compilation);
            return types is null ? null : Models.GetValue(compilation, c => new MongoCompilationModel(c, types));
        }

        /// <summary>Parses a URI text once per compilation.</summary>
        public MongoUri? ParseUri(string text) => _parsedUris.GetOrAdd(text, _parse);

        /// <summary>
        /// The one instance of a part of the model for this compilation, made by <paramref name="create"/> on first
        /// use. Callers ask once (when a rule registers, or when another part is made) and keep the result.
        /// </summary>
        public T Part<T>(Func<MongoCompilationModel, T> create)
            where T : class
        {
            if (!_parts.TryGetValue(typeof(T), out var lazy))
            {
                lazy = _parts.GetOrAdd(typeof(T), new Lazy<object>(() => create(this), LazyThreadSafetyMode.ExecutionAndPublication));
            }

            return (T)lazy.Value;
        }
    }
}
