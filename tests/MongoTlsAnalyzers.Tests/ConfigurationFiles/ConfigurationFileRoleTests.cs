using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.ConfigurationFiles;

namespace MongoTlsAnalyzers.Tests.ConfigurationFiles
{
    public sealed class ConfigurationFileRoleTests
    {
        [Theory]
        [InlineData("appsettings.json", null)]
        [InlineData("/src/App/appsettings.json", null)]
        [InlineData(@"C:\src\App\AppSettings.JSON", null)]
        [InlineData("/src/App/appsettings.Production.json", "Production")]
        [InlineData("/src/App/appsettings.Staging.json", "Staging")]
        [InlineData(@"C:\src\App\appsettings.development.json", "development")]
        [InlineData("appsettings.Development.local.json", "Development.local")]
        public void Appsettings_files_apply_to_their_environment(string path, string? environment)
        {
            var role = ConfigurationFileRole.FromPath(path);

            Assert.Equal(ConfigurationFileKind.AppSettings, role.Kind);
            Assert.True(role.IsConfigurationFile);
            Assert.Equal(environment, role.EnvironmentName);
            Assert.Equal(environment is null, role.AppliesToAllEnvironments);
            Assert.False(role.IsLocalLaunchProfile);
        }

        [Theory]
        [InlineData("appsettings.Development.json", true)]
        [InlineData("APPSETTINGS.DEVELOPMENT.JSON", true)]
        [InlineData("appsettings.json", false)]
        [InlineData("appsettings.Production.json", false)]
        [InlineData("appsettings.Dev.json", false)]
        [InlineData("Properties/launchSettings.json", true)]
        [InlineData("launchsettings.json", true)]
        public void Development_files_are_recognised(string path, bool isDevelopment)
        {
            Assert.Equal(isDevelopment, ConfigurationFileRole.FromPath(path).IsDevelopment);
        }

        [Theory]
        [InlineData("/src/App/Properties/launchSettings.json")]
        [InlineData(@"C:\src\App\Properties\LAUNCHSETTINGS.json")]
        [InlineData("/elsewhere/launchSettings.json")]
        public void LaunchSettings_is_local_and_counts_as_Development(string path)
        {
            var role = ConfigurationFileRole.FromPath(path);

            Assert.Equal(ConfigurationFileKind.LaunchSettings, role.Kind);
            Assert.True(role.IsLocalLaunchProfile);
            Assert.Equal("Development", role.EnvironmentName);
            Assert.False(role.AppliesToAllEnvironments);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("settings.json")]
        [InlineData("appsettings")]
        [InlineData("appsettings.json.bak")]
        [InlineData("appsettings..json")]
        [InlineData("appsettingsDevelopment.json")]
        [InlineData("myappsettings.json")]
        [InlineData("/src/appsettings.json/readme.md")]
        [InlineData("launchSettings.json.txt")]
        [InlineData("xlaunchSettings.json")]
        [InlineData("appsettings.xml")]
        public void Other_files_are_not_configuration_files(string? path)
        {
            var role = ConfigurationFileRole.FromPath(path);

            Assert.Equal(ConfigurationFileKind.None, role.Kind);
            Assert.False(role.IsConfigurationFile);
            Assert.False(role.IsDevelopment);
        }

        [Fact]
        public void In_launchSettings_only_profile_environment_variables_count()
        {
            const string json = @"{
  ""profiles"": {
    ""App"": {
      ""commandName"": ""Project"",
      ""applicationUrl"": ""mongodb://not-an-env-var"",
      ""environmentVariables"": {
        ""ASPNETCORE_ENVIRONMENT"": ""Development"",
        ""ConnectionStrings__MongoDB"": ""mongodb://u:p@host""
      }
    },
    ""odd:name"": { ""EnvironmentVariables"": { ""MONGODB_URI"": ""mongodb://x"" } },
    ""Array"": { ""environmentVariables"": [ ""mongodb://in-array"" ] },
    ""Deeper"": { ""environmentVariables"": { ""A"": { ""B"": ""mongodb://too-deep"" } } }
  },
  ""environmentVariables"": { ""TOP"": ""mongodb://top"" }
}";
            var scan = JsonStringValueReader.Read(SourceText.From(json));
            var launch = ConfigurationFileRole.FromPath("Properties/launchSettings.json");
            var appSettings = ConfigurationFileRole.FromPath("appsettings.json");

            var included = new System.Collections.Generic.List<string>();
            foreach (var value in scan.Values)
            {
                Assert.True(appSettings.Includes(value));
                Assert.False(ConfigurationFileRole.None.Includes(value));
                if (launch.Includes(value))
                {
                    included.Add(value.Value);
                }
            }

            Assert.Equal(new[] { "Development", "mongodb://u:p@host", "mongodb://x" }, included);
        }
    }
}
