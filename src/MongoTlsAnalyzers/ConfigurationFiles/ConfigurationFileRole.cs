using System;

namespace MongoTlsAnalyzers.ConfigurationFiles
{
    /// <summary>
    /// What a JSON file is for, decided from its name alone (§3b), and which of its string values count.
    /// Names match ignoring case, as on Windows, so that a project behaves the same on every machine.
    /// </summary>
    internal readonly struct ConfigurationFileRole
    {
        private const string AppSettingsStem = "appsettings";
        private const string JsonExtension = ".json";
        private const string LaunchSettingsName = "launchSettings.json";
        private const string Development = "Development";

        private ConfigurationFileRole(ConfigurationFileKind kind, string? environmentName)
        {
            Kind = kind;
            EnvironmentName = environmentName;
        }

        public static ConfigurationFileRole None => default;

        public ConfigurationFileKind Kind { get; }

        /// <summary>
        /// The environment the file applies to: <c>Name</c> for <c>appsettings.Name.json</c>, <c>Development</c> for
        /// <c>launchSettings.json</c>, and null for <c>appsettings.json</c>, which applies to every environment.
        /// </summary>
        public string? EnvironmentName { get; }

        public bool IsConfigurationFile => Kind != ConfigurationFileKind.None;

        /// <summary><c>appsettings.json</c>: Production included.</summary>
        public bool AppliesToAllEnvironments => Kind == ConfigurationFileKind.AppSettings && EnvironmentName is null;

        /// <summary>
        /// True for <c>appsettings.Development.json</c> (any case, as <c>IsDevelopment()</c> compares) and for
        /// <c>launchSettings.json</c>. A caller must still apply MTA001 to a launch profile as to any file: only
        /// <see cref="IsLocalLaunchProfile"/> tells the two apart.
        /// </summary>
        public bool IsDevelopment =>
            Kind == ConfigurationFileKind.LaunchSettings ||
            (Kind == ConfigurationFileKind.AppSettings && string.Equals(EnvironmentName, Development, StringComparison.OrdinalIgnoreCase));

        /// <summary><c>launchSettings.json</c>: local only, Development for every rule except MTA001.</summary>
        public bool IsLocalLaunchProfile => Kind == ConfigurationFileKind.LaunchSettings;

        /// <summary>
        /// The role of the file at <paramref name="path"/> (either directory separator). <c>launchSettings.json</c>
        /// counts wherever it stands, not only under <c>Properties/</c>, because users add it as an additional file
        /// from other places too. Excluding copies under <c>bin/</c> and <c>obj/</c> is the caller's job: only the
        /// caller knows where the project directory is.
        /// </summary>
        public static ConfigurationFileRole FromPath(string? path)
        {
            if (path is null)
            {
                return None;
            }

            var nameStart = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1;
            var nameLength = path.Length - nameStart;
            if (nameLength == LaunchSettingsName.Length &&
                string.Compare(path, nameStart, LaunchSettingsName, 0, nameLength, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return new ConfigurationFileRole(ConfigurationFileKind.LaunchSettings, Development);
            }

            if (nameLength < AppSettingsStem.Length + JsonExtension.Length ||
                string.Compare(path, nameStart, AppSettingsStem, 0, AppSettingsStem.Length, StringComparison.OrdinalIgnoreCase) != 0 ||
                !path.EndsWith(JsonExtension, StringComparison.OrdinalIgnoreCase))
            {
                return None;
            }

            // What stands between "appsettings" and ".json": nothing, or ".Name" with a non-empty Name.
            var middleStart = nameStart + AppSettingsStem.Length;
            var middleLength = path.Length - JsonExtension.Length - middleStart;
            if (middleLength == 0)
            {
                return new ConfigurationFileRole(ConfigurationFileKind.AppSettings, null);
            }

            if (middleLength < 2 || path[middleStart] != '.')
            {
                return None;
            }

            return new ConfigurationFileRole(ConfigurationFileKind.AppSettings, path.Substring(middleStart + 1, middleLength - 1));
        }

        /// <summary>
        /// Whether a string value of this file is read: every value of an appsettings file, and in a launch settings
        /// file only <c>profiles:&lt;name&gt;:environmentVariables:&lt;variable&gt;</c>, which is what <c>dotnet run</c>
        /// puts into the environment. Segments are compared structurally, so a profile name with a colon still works.
        /// </summary>
        public bool Includes(JsonStringValue value)
        {
            switch (Kind)
            {
                case ConfigurationFileKind.AppSettings:
                    return true;
                case ConfigurationFileKind.LaunchSettings:
                    return value.KeySegmentCount == 4 &&
                        value.KeySegmentEquals(0, "profiles") &&
                        !value.IsArrayIndexSegment(1) &&
                        value.KeySegmentEquals(2, "environmentVariables") &&
                        !value.IsArrayIndexSegment(3);
                default:
                    return false;
            }
        }
    }
}
