using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>
    /// Binds <see cref="SecureMongoOptions"/> from a configuration section like the configuration binder, except that a
    /// value of the wrong form (a time span written "15s", a flag written "yes", an unknown revocation mode) becomes a
    /// listed problem naming its key and the accepted forms, instead of an exception that hides every other problem.
    /// </summary>
    public static class SecureMongoOptionsBinder
    {
        private const string TimeSpanForms = "write [d.]hh:mm:ss[.fff], for example 00:00:15 for 15 seconds or 00:00:00.500 for 500 ms";

        private static readonly Dictionary<string, Func<string, string?>> Checks = new Dictionary<string, Func<string, string?>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Timeouts:ServerSelection"] = TimeSpanCheck,
            ["Timeouts:Connect"] = TimeSpanCheck,
            ["Timeouts:Socket"] = TimeSpanCheck,
            ["Timeouts:WaitQueue"] = TimeSpanCheck,
            ["Timeouts:HeartbeatInterval"] = TimeSpanCheck,
            ["Pool:MaxIdleTime"] = TimeSpanCheck,
            ["Timeouts:AllowBelowRecommended"] = BooleanCheck,
            ["RetryWrites"] = BooleanCheck,
            ["RetryReads"] = BooleanCheck,
            ["Tls:Enabled"] = BooleanCheck,
            ["Tls:AllowInsecureTlsInDevelopment"] = BooleanCheck,
            ["ServerApi:Strict"] = BooleanCheck,
            ["ServerApi:DeprecationErrors"] = BooleanCheck,
            ["Pool:MaxSize"] = IntegerCheck,
            ["Pool:MinSize"] = IntegerCheck,
            ["Tls:RevocationMode"] = RevocationModeCheck,
        };

        /// <summary>Binds <paramref name="section"/> into <paramref name="options"/>; values that cannot be bound are left out and listed as problems.</summary>
        public static void Bind(IConfiguration section, SecureMongoOptions options)
        {
            if (section is null)
            {
                throw new ArgumentNullException(nameof(section));
            }

            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var prefix = SecureMongoClientRegistrations.SectionPath(section);
            var bindable = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in section.AsEnumerable(makePathsRelative: true).Where(p => p.Value is not null))
            {
                if (Checks.TryGetValue(pair.Key, out var check) && pair.Value!.Trim().Length > 0 && check(pair.Value.Trim()) is { } problem)
                {
                    options.BindingProblems.Add($"{prefix}:{pair.Key} '{pair.Value}' {problem}.");
                    continue;
                }

                bindable[pair.Key] = pair.Value;
            }

            new ConfigurationBuilder().AddInMemoryCollection(bindable).Build().Bind(options);
        }

        private static string? TimeSpanCheck(string value) =>
            TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _) ? null : "is not a time span; " + TimeSpanForms;

        private static string? BooleanCheck(string value) =>
            bool.TryParse(value, out _) ? null : "is not true or false";

        private static string? IntegerCheck(string value) =>
            int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? null : "is not a whole number";

        private static string? RevocationModeCheck(string value) =>
            Enum.TryParse<X509RevocationMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(typeof(X509RevocationMode), mode) && !char.IsDigit(value[0])
                ? null
                : "is not one of NoCheck, Online, Offline";
    }
}
