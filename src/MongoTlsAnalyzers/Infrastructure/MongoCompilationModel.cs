using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Folding;
using MongoTlsAnalyzers.Screening;

namespace MongoTlsAnalyzers.Infrastructure
{
    /// <summary>
    /// Everything the rules share for one compilation: the resolved driver types, the constant folder and
    /// the cache of MongoDB URIs found in it. One instance per compilation is shared by all analyzers, so
    /// each URI is folded and parsed once however many rules ask about it.
    /// </summary>
    internal sealed class MongoCompilationModel
    {
        private static readonly ConditionalWeakTable<Compilation, MongoCompilationModel> Models =
            new ConditionalWeakTable<Compilation, MongoCompilationModel>();

        private readonly ConcurrentDictionary<string, MongoUri?> _parsedUris = new ConcurrentDictionary<string, MongoUri?>();

        /// <summary>The parse delegate, made once: a lambda at the call site would allocate on every lookup.</summary>
        private readonly System.Func<string, MongoUri?> _parse;

        private MongoCompilationModel(Compilation compilation)
        {
            Compilation = compilation;
            _parse = text => MongoUriParser.Parse(text, Profile);
            Types = DriverTypes.TryResolve(compilation);
            if (Types is not null)
            {
                Folder = new ConstantFolder(compilation);
                Timeouts = new TimeoutFolder(Folder, Folder.Assignments);
                Guards = new DevelopmentGuards(Folder);
                InsecureSettings = new InsecureSettingFinder(this);
                UriSites = new UriSiteLocator(this);
                Screen = new SourceScreen(compilation);
            }
        }

        public Compilation Compilation { get; }

        /// <summary>Null when the compilation does not reference MongoDB.Driver.</summary>
        public DriverTypes? Types { get; }

        public ConstantFolder? Folder { get; }

        public TimeoutFolder? Timeouts { get; }

        public DevelopmentGuards? Guards { get; }

        public InsecureSettingFinder? InsecureSettings { get; }

        public UriSiteLocator? UriSites { get; }

        /// <summary>Which files the rules need to look at (null without the driver).</summary>
        public SourceScreen? Screen { get; }

        public DriverProfile Profile => Types?.Profile ?? DriverProfile.V3;

        /// <summary>
        /// The shared model for <paramref name="compilation"/>, or null when MongoDB.Driver is not referenced
        /// (in which case analyzers register nothing).
        /// </summary>
        public static MongoCompilationModel? TryGet(Compilation compilation)
        {
            var model = Models.GetValue(compilation, c => new MongoCompilationModel(c));
            return model.Types is null ? null : model;
        }

        /// <summary>Parses a URI text once per compilation.</summary>
        public MongoUri? ParseUri(string text) => _parsedUris.GetOrAdd(text, _parse);
    }
}
