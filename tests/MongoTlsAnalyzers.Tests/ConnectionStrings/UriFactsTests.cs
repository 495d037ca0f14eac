using System.Linq;
using MongoTlsAnalyzers.ConnectionStrings;

namespace MongoTlsAnalyzers.Tests.ConnectionStrings
{
    /// <summary>The facts the URI model answers for the rules, so that no rule reads option names or loops over hosts.</summary>
    public sealed class UriFactsTests
    {
        [Theory]
        [InlineData("mongodb://localhost,127.0.0.2/", "AllLoopback")]
        [InlineData("mongodb://%2Ftmp%2Fmongodb-27017.sock/", "AllLoopback")]
        [InlineData("mongodb://localhost,db.example.com/", "ConstantRemote")]
        [InlineData("mongodb+srv://cluster0.abcde.mongodb.net/", "ConstantRemote")]
        [InlineData("mongodb://\uFFFF/", "Unknown")]
        [InlineData("mongodb://localhost,\uFFFF/", "Unknown")]
        public void HostScope(string text, string expected)
        {
            var uri = Parse(text.Replace('\uFFFF', MongoUri.HoleChar));
            Assert.Equal(expected, uri.HostScope.ToString());
        }

        [Theory]
        [InlineData("mongodb://app:S3cret@db.example.com/", true)]
        [InlineData("mongodb://app:<password>@db.example.com/", false)]
        [InlineData("mongodb://app:changeme@db.example.com/", false)]
        [InlineData("mongodb://app@db.example.com/", false)]
        public void RealPassword(string text, bool expected)
        {
            Assert.Equal(expected, Parse(text).UserInfo!.HasRealPassword);
        }

        [Theory]
        [InlineData("tls", "TlsSwitch")]
        [InlineData("SSL", "TlsSwitch")]
        [InlineData("tlsInsecure", "InsecureTls")]
        [InlineData("sslVerifyCertificate", "VerifyCertificate")]
        [InlineData("appName", "None")]
        [InlineData("tlsCAFile", "None")]
        public void OptionRoles(string name, string expected)
        {
            var option = Parse("mongodb://db.example.com/?" + name + "=true").Options.Single();
            Assert.Equal(expected, option.Role.ToString());
        }

        [Theory]
        [InlineData("connectionTimeout=5", true)]
        [InlineData("tlsCAFile=/etc/ca.pem", true)]
        [InlineData("compressors=zlib,lz4", true)]
        [InlineData("compressors=zlib", false)]
        [InlineData("connectTimeoutMS=5000", false)]
        [InlineData("\uFFFF=1", false)]
        public void IgnoredByTheDriver(string option, bool expected)
        {
            var parsed = Parse("mongodb://db.example.com/?" + option.Replace('\uFFFF', MongoUri.HoleChar)).Options.Single();
            Assert.Equal(expected, parsed.IsIgnoredByDriver);
        }

        private static MongoUri Parse(string text) => MongoUriParser.Parse(text, DriverProfile.V3)!;
    }
}
