using System;
using System.Linq;
using System.Text;
using MongoTlsAnalyzers.ConnectionStrings;

namespace MongoTlsAnalyzers.Tests.ConnectionStrings
{
    public sealed class MongoUriModelTests
    {
        private static MongoUri Parse(string text) => MongoUriParser.Parse(text, DriverProfile.V3)!;

        private static string At(MongoUri uri, Microsoft.CodeAnalysis.Text.TextSpan span) => uri.Text.Substring(span.Start, span.Length);

        [Fact]
        public void ReturnsNullWithoutAMongoScheme()
        {
            Assert.Null(MongoUriParser.Parse("http://example.com", DriverProfile.V3));
            Assert.Null(MongoUriParser.Parse("MONGODB://h", DriverProfile.V3));
            Assert.Null(MongoUriParser.Parse(" mongodb://h", DriverProfile.V3));
            Assert.Null(MongoUriParser.Parse("mongodb:/h", DriverProfile.V3));
            Assert.Null(MongoUriParser.Parse(null!, DriverProfile.V3));
        }

        [Fact]
        public void SplitsEveryPartWithExactSpans()
        {
            var uri = Parse("mongodb://app%40corp:p%40ss@db1.example.com:27017,[::1]:27018/orders?replicaSet=rs0&connectTimeoutMS=5000;tls=true");

            Assert.Equal(MongoUriScheme.Standard, uri.Scheme);
            Assert.True(uri.MatchesDriverGrammar);
            Assert.True(uri.IsAcceptedByDriver);
            Assert.Equal("app%40corp", At(uri, uri.UserInfo!.UsernameSpan));
            Assert.Equal("app@corp", uri.UserInfo.Username);
            Assert.Equal("p%40ss", At(uri, uri.UserInfo.PasswordSpan!.Value));
            Assert.Equal("p@ss", uri.UserInfo.Password);
            Assert.Equal(new[] { "db1.example.com:27017", "[::1]:27018" }, uri.Hosts.Select(h => At(uri, h.Span)));
            Assert.Equal(new[] { "db1.example.com", "::1" }, uri.Hosts.Select(h => h.Host));
            Assert.Equal(new int?[] { 27017, 27018 }, uri.Hosts.Select(h => h.Port));
            Assert.Equal(new[] { false, true }, uri.Hosts.Select(h => h.IsLoopback));
            Assert.Equal("orders", uri.Database);
            Assert.Equal(new[] { "replicaSet=rs0", "connectTimeoutMS=5000", "tls=true" }, uri.Options.Select(o => At(uri, o.Span)));
            Assert.Equal(new[] { "replicaSet", "connectTimeoutMS", "tls" }, uri.Options.Select(o => At(uri, o.NameSpan)));
            Assert.Equal(new[] { "rs0", "5000", "true" }, uri.Options.Select(o => At(uri, o.ValueSpan)));
            Assert.True(uri.TlsEnabled);
            Assert.True(uri.TryGetTimeout(DriverTimeout.Connect, out var connect));
            Assert.Equal(TimeSpan.FromSeconds(5), connect);
        }

        [Fact]
        public void OptionSpansSkipWhiteSpaceAndStopAtASecondEquals()
        {
            var uri = Parse("mongodb://h/? tlsInsecure = true =x");
            var option = Assert.Single(uri.Options);
            Assert.Equal("tlsInsecure", At(uri, option.NameSpan));
            Assert.Equal("true", At(uri, option.ValueSpan));
            Assert.True(uri.TlsInsecure);
        }

        /// <summary>Found by the configuration-file mutation test: a copy of the user info pasted after the host.</summary>
        [Theory]
        [InlineData("mongodb://app:S3cretValue9@db.example.com:2odb://app:S3cretValue9@db.example.com:27017/shop", "mongodb://app:****@db.example.com:2odb:/…")]
        [InlineData("mongodb://app:S3cret%40Value9@db.example.com/S3cret@Value9", "mongodb://app:****@db.example.com/…")]
        public void RedactedRenderingHidesAHostOrDatabaseThatRepeatsThePassword(string text, string redacted)
        {
            var uri = Parse(text);
            Assert.Equal(redacted, uri.Redacted);
        }

        [Fact]
        public void RedactedRenderingHidesThePasswordAndOptions()
        {
            var uri = Parse("mongodb+srv://admin:Tr0ub4dor@cluster0.example.net/app?proxyPassword=hunter2");
            Assert.Equal("mongodb+srv://admin:****@cluster0.example.net/app?…", uri.Redacted);
            Assert.DoesNotContain("Tr0ub4dor", uri.Redacted);
            Assert.DoesNotContain("hunter2", uri.Redacted);
            Assert.Equal("mongodb://u@h", Parse("mongodb://u@h").Redacted);
        }

        [Theory]
        [InlineData("mongodb://h", false, null)]
        [InlineData("mongodb+srv://h.example.net", true, null)]
        [InlineData("mongodb+srv://h.example.net/?tls=false", false, false)]
        [InlineData("mongodb://h/?ssl=true", true, true)]
        [InlineData("mongodb://h/?TLS=TRUE", true, true)]
        [InlineData("mongodb://h/?tlsInsecure=true", false, null)]
        public void ReadsTheTlsState(string text, bool enabled, bool? explicitTls)
        {
            var uri = Parse(text);
            Assert.Equal(enabled, uri.TlsEnabled);
            Assert.Equal(explicitTls, uri.ExplicitTls);
        }

        [Theory]
        [InlineData("connectTimeoutMS=5000", 5000)]
        [InlineData("connectTimeout=5", 5000)]
        [InlineData("connectTimeout=5s", 5000)]
        [InlineData("connectTimeout=250ms", 250)]
        [InlineData("connectTimeout=2m", 120000)]
        [InlineData("connectTimeout=1h", 3600000)]
        [InlineData("connectTimeout=00:00:07", 7000)]
        [InlineData("connectTimeout=1.5", 1500)]
        [InlineData("connectTimeout=30000", 30000000)]
        [InlineData("CONNECTTIMEOUTMS=100", 100)]
        [InlineData("connectTimeoutMS=-1", -1)]
        public void ReadsEveryTimeoutForm(string option, double milliseconds)
        {
            var uri = Parse("mongodb://h/?" + option);
            Assert.True(uri.TryGetTimeout(DriverTimeout.Connect, out var value));
            Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
        }

        [Theory]
        [InlineData("connectTimeoutMS=abc")]
        [InlineData("connectTimeout=5x")]
        [InlineData("connectTimeout=")]
        [InlineData("connectTimeoutMS=5s")]
        public void InvalidTimeoutsAreErrors(string option)
        {
            var uri = Parse("mongodb://h/?" + option);
            Assert.False(uri.TryGetTimeout(DriverTimeout.Connect, out _));
            Assert.False(uri.IsAcceptedByDriver);
        }

        [Fact]
        public void UnknownOptionsAreListedOnceWithTheirFirstSpelling()
        {
            var uri = Parse("mongodb://h/?tlsCAFile=a&TLSCAFILE=b&connectionTimeout=5&timeoutMS=10&compressors=zlib,lz4");
            Assert.Equal(new[] { "tlsCAFile", "connectionTimeout", "timeoutMS", "compressors" }, uri.UnknownOptionNames);
            Assert.False(uri.Options[0].IsKnown);
            Assert.True(uri.Options[4].IsKnown);
        }

        [Fact]
        public void DriverLinesDifferInKnownOptions()
        {
            const string text = "mongodb://h/?uuidRepresentation=standard&proxyHost=p";
            Assert.Equal(new[] { "proxyHost" }, MongoUriParser.Parse(text, DriverProfile.V2)!.UnknownOptionNames);
            Assert.Equal(new[] { "uuidRepresentation" }, MongoUriParser.Parse(text, DriverProfile.V3)!.UnknownOptionNames);
        }

        [Theory]
        [InlineData("localhost", true)]
        [InlineData("LOCALHOST", true)]
        [InlineData("localhost.", true)]
        [InlineData("127.0.0.1", true)]
        [InlineData("127.255.0.9", true)]
        [InlineData("127.1", true)]
        [InlineData("::1", true)]
        [InlineData("[::1]", true)]
        [InlineData("::ffff:127.0.0.1", true)]
        [InlineData("%2ftmp%2fmongodb-27017.sock", true)]
        [InlineData("/var/run/mongodb.sock", true)]
        [InlineData("128.0.0.1", false)]
        [InlineData("10.0.0.1", false)]
        [InlineData("0.0.0.0", false)]
        [InlineData("::", false)]
        [InlineData("localhost.example.com", false)]
        [InlineData("mylocalhost", false)]
        [InlineData("127.0.0.1.nip.io", false)]
        [InlineData("db.example.com", false)]
        [InlineData("", false)]
        public void RecognisesLoopback(string host, bool loopback) => Assert.Equal(loopback, HostClassifier.IsLoopback(host));

        [Fact]
        public void HolesAreUnknownButTheRestIsRead()
        {
            var hole = MongoUri.HoleChar;
            var uri = Parse($"mongodb://admin:{hole}@{hole}:27017/app?tls=false&tlsInsecure=true");
            Assert.True(uri.UserInfo!.PasswordHasHole);
            Assert.False(Assert.Single(uri.Hosts).IsConstant);
            Assert.False(uri.Hosts[0].IsLoopback);
            Assert.False(uri.TlsEnabled);
            Assert.True(uri.TlsInsecure);
            Assert.False(uri.IsAcceptedByDriver);
            Assert.Equal("mongodb://admin:****@{…}:27017/app?…", uri.Redacted);
        }

        [Fact]
        public void LenientSplitStillExposesOptionsOfAMalformedString()
        {
            var uri = Parse("mongodb://h/?&tlsInsecure=true&tlsCAFile=/ca.pem");
            Assert.False(uri.MatchesDriverGrammar);
            Assert.True(uri.HasDriverErrors);
            Assert.Equal(new[] { "tlsInsecure", "tlsCAFile" }, uri.Options.Select(o => o.Name));
            Assert.True(uri.TlsInsecure);
            Assert.Contains("tlsCAFile", uri.UnknownOptionNames);
        }

        [Fact]
        public void HolesInPortsAndOptionSegmentsDoNotMakeTheStringMalformed()
        {
            var hole = MongoUri.HoleChar;
            var uri = Parse($"mongodb://{hole}:{hole}/app?{hole}&tlsInsecure=true");
            Assert.True(uri.MatchesDriverGrammar);
            Assert.False(uri.HasDriverErrors);
            Assert.False(uri.IsAcceptedByDriver);
            Assert.Empty(uri.UnknownOptionNames);
            Assert.True(uri.TlsInsecure);
        }

        [Fact]
        public void NeverThrowsOnHostileInput()
        {
            var random = new Random(42);
            const string alphabet = "mongodb+srv:/@[]?&;=%,#:.\\\"'{}\0\n\r\t aZ09é\uFFFF\uD800";
            for (var i = 0; i < 20000; i++)
            {
                var builder = new StringBuilder(random.Next(2) == 0 ? "mongodb://" : "mongodb+srv://");
                var length = random.Next(0, 60);
                for (var j = 0; j < length; j++)
                {
                    builder.Append(alphabet[random.Next(alphabet.Length)]);
                }

                var text = builder.ToString();
                var uri = MongoUriParser.Parse(text, DriverProfile.V3);
                Assert.NotNull(uri);
                _ = uri!.Redacted;
            }
        }

        [Fact]
        public void HandlesHugeInputs()
        {
            var megabyteHost = Parse("mongodb://admin:S3cret@" + new string('a', 1_000_000));
            Assert.Single(megabyteHost.Hosts);

            var manyOptions = Parse("mongodb://h/?" + string.Join("&", Enumerable.Range(0, 10_000).Select(i => "opt" + i + "=v")));
            Assert.Equal(10_000, manyOptions.Options.Length);

            var manyHosts = Parse("mongodb://" + string.Join(",", Enumerable.Range(0, 50_000).Select(i => "[h" + i + "]")) + "/?x=1");
            Assert.Equal(50_000, manyHosts.Hosts.Length);

            var brackets = Parse("mongodb://" + new string('[', 100_000) + "@" + new string(']', 100_000));
            Assert.NotNull(brackets);

            var percent = Parse("mongodb://h/?appName=" + string.Concat(Enumerable.Repeat("%zz%", 100_000)));
            Assert.False(percent.IsAcceptedByDriver);
        }
    }
}
