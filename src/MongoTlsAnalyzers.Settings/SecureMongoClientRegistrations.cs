using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>
    /// The clients registered by <see cref="SecureMongoServiceCollectionExtensions"/> in one service collection: the
    /// configuration section of each name, so that a name registered twice is refused at start-up instead of having
    /// its sections merged.
    /// </summary>
    internal sealed class SecureMongoClientRegistrations
    {
        private readonly Dictionary<string, List<string>> _sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        /// <summary>The one instance of a service collection, added on first use.</summary>
        public static SecureMongoClientRegistrations In(IServiceCollection services)
        {
            var existing = services.FirstOrDefault(d => d.ServiceType == typeof(SecureMongoClientRegistrations) && !d.IsKeyedService)?.ImplementationInstance;
            if (existing is SecureMongoClientRegistrations registrations)
            {
                return registrations;
            }

            registrations = new SecureMongoClientRegistrations();
            services.AddSingleton(registrations);
            return registrations;
        }

        /// <summary>Records a registration; false when the name was registered before (the new section is then not bound).</summary>
        public bool Add(string name, IConfiguration section)
        {
            var path = SectionPath(section);
            if (_sections.TryGetValue(name, out var paths))
            {
                paths.Add(path);
                return false;
            }

            _sections.Add(name, new List<string> { path });
            return true;
        }

        /// <summary>The registered names; the default client's is empty.</summary>
        public IEnumerable<string> Names => _sections.Keys;

        /// <summary>Whether <paramref name="name"/> was registered through AddSecureMongoClient.</summary>
        public bool Contains(string name) => _sections.ContainsKey(name);

        /// <summary>The configuration section path of a name, used as the prefix of the keys in its messages.</summary>
        public string SectionOf(string name) => _sections.TryGetValue(name, out var paths) ? paths[0] : SecureMongoOptions.DefaultSectionName;

        /// <summary>The problem with a name registered more than once, or null.</summary>
        public string? DuplicateProblem(string name)
        {
            if (!_sections.TryGetValue(name, out var paths) || paths.Count < 2)
            {
                return null;
            }

            var sections = string.Join(", ", paths.Select(p => "'" + p + "'"));
            return name.Length == 0
                ? $"AddSecureMongoClient was called {paths.Count} times without a name (sections {sections}); the sections are not merged: register the default client once, and the others with AddSecureMongoClient(name, section)."
                : $"AddSecureMongoClient was called {paths.Count} times with the name '{name}' (sections {sections}); the sections are not merged: give each client its own name.";
        }

        internal static string SectionPath(IConfiguration section) =>
            section is IConfigurationSection { Path: { Length: > 0 } path } ? path : "(configuration root)";
    }
}
