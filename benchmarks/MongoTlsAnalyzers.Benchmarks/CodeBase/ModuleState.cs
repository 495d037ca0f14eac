using System.Collections.Generic;

namespace MongoTlsAnalyzers.Benchmarks.CodeBase
{
    /// <summary>
    /// What the generator has written so far for one module (one namespace), so that later files only use
    /// types that exist: entities for services, repositories for DI registration.
    /// </summary>
    internal sealed class ModuleState
    {
        public ModuleState(string name)
        {
            Name = name;
        }

        /// <summary>The module name, e.g. <c>Orders</c>; the namespace is <c>Contoso.Orders</c>.</summary>
        public string Name { get; }

        public string Namespace => "Contoso." + Name;

        /// <summary>The module's lower-case name, used in literals.</summary>
        public string Lower => Name.ToLowerInvariant();

        /// <summary>The status enum every entity of the module uses.</summary>
        public string StatusEnum => Name + "Status";

        /// <summary>The static class of public keys and routes (public static readonly strings).</summary>
        public string KeysClass => Name + "Keys";

        public string ClockInterface => "I" + Name + "Clock";

        public string OptionsClass => Name + "MongoOptions";

        public List<string> Entities { get; } = new List<string>();

        public List<string> Services { get; } = new List<string>();

        /// <summary>Repository class names (each with a <c>{name}Document</c> type beside it).</summary>
        public List<string> Repositories { get; } = new List<string>();

        public bool HasOptions { get; set; }

        /// <summary>How many files the module has so far; used to make type names unique.</summary>
        public int FileCount { get; set; }
    }
}
