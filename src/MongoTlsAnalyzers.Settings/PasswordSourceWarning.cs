using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>
    /// Outside Development, warns when the password (in <c>Password</c> or inside the connection string) comes from
    /// <c>appsettings.json</c> or <c>appsettings.&lt;Environment&gt;.json</c>, files that are usually committed. The
    /// configuration providers tell where each value came from: the last provider that has the key wins.
    /// The warning names the file and the key, never the value.
    /// </summary>
    internal static class PasswordSourceWarning
    {
        private static readonly Regex AppSettingsFile = new Regex(@"^appsettings(\.[^.\\/]+)?\.json$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        public static void Check(IConfiguration? configuration, string section, SecureMongoOptions options, IHostEnvironment? environment, ILogger logger)
        {
            if (configuration is not IConfigurationRoot root || environment?.IsDevelopment() == true)
            {
                return;
            }

            if (!string.IsNullOrEmpty(options.Password))
            {
                Warn(root, section + ":Password", environment, logger);
            }

            if (SettingsPlan.UriPasswords(options.ConnectionString).Any(p => p.Length > 0))
            {
                Warn(root, section + ":ConnectionString", environment, logger);
            }
        }

        private static void Warn(IConfigurationRoot root, string key, IHostEnvironment? environment, ILogger logger)
        {
            var source = root.Providers.Reverse().FirstOrDefault(p => p.TryGet(key, out var value) && value is not null);
            if (source is FileConfigurationProvider { Source.Path: { } relative } file && AppSettingsFile.IsMatch(Path.GetFileName(relative)))
            {
                var path = file.Source.FileProvider?.GetFileInfo(relative).PhysicalPath ?? relative;
                logger.LogWarning(
                    "MongoDB: the password in {Key} comes from {File} in the {Environment} environment; that file is usually committed with the code. Move the password to user secrets, the environment ({Variable}) or a vault.",
                    key,
                    path,
                    environment?.EnvironmentName ?? "(unknown)",
                    key.Replace(":", "__", StringComparison.Ordinal));
            }
        }
    }
}
