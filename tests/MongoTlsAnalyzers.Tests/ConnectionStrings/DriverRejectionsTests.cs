using System;
using MongoTlsAnalyzers.ConnectionStrings;

namespace MongoTlsAnalyzers.Tests.ConnectionStrings
{
    /// <summary>
    /// The reasons and fixes of <see cref="DriverRejections"/> (whether it rejects is the differential test's job): the
    /// cause is found, its span is the offending text, and no reason or fix ever holds the password.
    /// </summary>
    public sealed class DriverRejectionsTests
    {
        [Theory]
        [InlineData("mongodb://user:p@ss@db.example.com/app", "user:p@ss", "percent-encode '@' as %40")]
        [InlineData("mongodb://user:p:ss@db.example.com", "user:p:ss", "percent-encode ':' as %3A")]
        [InlineData("mongodb://user:p/ss@db.example.com", "user:p/ss", "percent-encode '/' as %2F")]
        [InlineData("mongodb://user:p%ss@db.example.com", "user:p%ss", "percent-encode '%' as %25")]
        [InlineData("mongodb+srv://u@x:p@s/s@cluster0.example.net/?w=1", "u@x:p@s/s", "percent-encode '@' as %40 and '/' as %2F")]
        public void UnencodedUserInfoIsTheCause(string text, string userInfo, string fix)
        {
            var uri = MongoUriParser.Parse(text, DriverProfile.V3)!;
            var rejection = DriverRejections.FindProven(uri, DriverLayer.ConnectionString, DriverProfile.V3)!;
            Assert.Equal(RejectionCause.UnencodedUserInfo, rejection.Cause);
            Assert.Equal(userInfo, text.Substring(rejection.Span.Start, rejection.Span.Length));
            Assert.Equal(fix, rejection.Fix);

            var encoded = text.Substring(0, rejection.Span.Start) + UserInfoEncoding.Encode(userInfo) + text.Substring(rejection.Span.End);
            Assert.Null(DriverRejections.Find(MongoUriParser.Parse(encoded, DriverProfile.V3)!, DriverLayer.ClientSettings, DriverProfile.V3));
        }

        [Theory]
        [InlineData("mongodb://app@db.example.com", "ConnectionString", false)]
        [InlineData("mongodb://app@db.example.com", "MongoUrl", false)]
        [InlineData("mongodb://app@db.example.com", "ClientSettings", true)]
        [InlineData("mongodb://db.example.com/?maxStalenessSeconds=120", "ConnectionString", false)]
        [InlineData("mongodb://db.example.com/?maxStalenessSeconds=120", "MongoUrl", true)]
        [InlineData("mongodb://db.example.com/?maxStalenessSeconds=120&readPreference=secondary", "ClientSettings", false)]
        public void EachLayerRefusesMore(string text, string layer, bool rejected)
        {
            var uri = MongoUriParser.Parse(text, DriverProfile.V3)!;
            Assert.Equal(rejected, DriverRejections.FindProven(uri, Enum.Parse<DriverLayer>(layer), DriverProfile.V3) is not null);
        }

        [Theory]
        [InlineData("mongodb://user:Zq9Secret@ss@db.example.com/?tls=yes")]
        [InlineData("mongodb://user:Zq9Secret@db.example.com/?authMechanism=MONGODB-X509")]
        [InlineData("mongodb://user:Zq9Secret@db.example.com:99999")]
        [InlineData("mongodb://user:Zq9Secret@a.example.com,b.example.com/?directConnection=true")]
        public void ReasonsAndFixesNeverHoldThePassword(string text)
        {
            foreach (var profile in new[] { DriverProfile.V2, DriverProfile.V3 })
            {
                var rejection = DriverRejections.FindProven(MongoUriParser.Parse(text, profile)!, DriverLayer.ClientSettings, profile)!;
                Assert.DoesNotContain("Zq9", rejection.Reason, StringComparison.Ordinal);
                Assert.DoesNotContain("Zq9", rejection.Fix, StringComparison.Ordinal);
            }
        }

        [Theory]
        [InlineData("mongodb://user:<password>@db.example.com/?tls=yes", true)]
        [InlineData("mongodb://user:${PASSWORD}@db.example.com/?tls=yes", true)]
        [InlineData("mongodb://user:__PASSWORD__@db.example.com/?tls=yes", true)]
        [InlineData("mongodb://user:%PASSWORD%@db.example.com/?tls=yes", true)]
        [InlineData("mongodb://user:p%40ss%2Fw@db.example.com/?tls=yes", false)]
        [InlineData("mongodb://us_er:pa__ss@db.example.com/?tls=yes", false)]
        public void TemplatesAreNotProven(string text, bool template)
        {
            Assert.Equal(template, TemplateForms.Contains(text));
        }
    }
}
