using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MongoTlsAnalyzers.ConnectionStrings;
using Verify = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.HardCodedCredentialsRule>;

namespace MongoTlsAnalyzers.Tests.ConnectionStrings
{
    /// <summary>
    /// Every placeholder form of docs/architecture.md "Placeholder password", each beside a look-alike that is a real
    /// password: the definition is as narrow as it is wide.
    /// </summary>
    public sealed class PlaceholderPasswordTests
    {
        /// <summary>(form, a placeholder of that form, a look-alike that is not one). Every value is URI-safe as written.</summary>
        public static readonly (string Form, string Placeholder, string LookAlike)[] Table =
        {
            ("angle brackets", "<password>", "<password"),
            ("angle brackets", "<db_password>", "db_<password"),
            ("composite-format item", "{0}", "p{0"),
            ("composite-format item", "{1}", "1}{"),
            ("named brace", "{password}", "}password{"),
            ("${VAR}", "${MONGO_PASSWORD}", "$MONGO_PASSWORD"),
            ("${VAR}", "pre${MONGO_PASSWORD}", "$MONGO_PASSWORD}"),
            ("$(VAR)", "$(MongoPassword)", "$(MongoPassword"),
            ("$(VAR)", "$(Mongo.Password)", "$()"),
            ("%VAR%", "%MONGO_PASSWORD%", "%MONGO_PASSWORD"),
            ("%VAR%", "%DbPwd%", "50%off%sale"),
            ("#{VAR}#", "#{MongoPassword}#", "#MongoPassword#"),
            ("__VAR__", "__MONGO_PASSWORD__", "__MONGO_PASSWORD"),
            ("__VAR__", "__DbPassword__", "a__DbPassword__b"),
            ("__VAR__", "__X__", "____"),
            ("mask", "****", "***a"),
            ("mask", "xxxxxx", "xxxxxy"),
            ("mask", "XXXX", "x-ray"),
            ("mask", "....", "...0"),
            ("mask", "----", "--a--"),
            ("template word", "password", "passwords"),
            ("template word", "PASSWORD", "Password!"),
            ("template word", "Pass", "Pass9"),
            ("template word", "pwd", "pwd_"),
            ("template word", "passwd", "passwd!"),
            ("template word", "secret", "secret1"),
            ("template word", "changeme", "changeme!"),
            ("template word", "Change_Me", "Change__Me"),
            ("template word", "change-me", "change.me"),
            ("template word", "fill_me", "fillmein"),
            ("template word", "FILL-IN", "fill-it"),
            ("template word", "replace_me", "replace"),
            ("template word", "your_password", "your_password_1"),
            ("template word", "YourPassword", "YourPassw0rd"),
            ("template word", "my-password", "my.password"),
            ("template word", "db_password", "db_password!"),
            ("template word", "MongoPassword", "MongoPassword2"),
            ("template word", "user_password", "userpasswords"),
            ("template word", "TODO", "todolist"),
            ("template word", "tbd", "tbd!"),
            ("template word", "placeholder", "placeholders"),
            ("template word", "dummy", "dummy2024"),
            ("password and digits", "password1", "password1!"),
            ("password and digits", "Password123", "passw0rd123"),
            ("password and digits", "PASSWORD2024", "password_2024"),
        };

        public static IEnumerable<object[]> Rows() => Table.Select((row, i) => new object[] { i, row.Form });

        [Fact]
        public void EveryFormOfTheDesignIsInTheTable()
        {
            var forms = Table.Select(row => row.Form).ToHashSet();
            Assert.Superset(
                new HashSet<string> { "angle brackets", "composite-format item", "named brace", "${VAR}", "$(VAR)", "%VAR%", "#{VAR}#", "__VAR__", "mask", "template word", "password and digits" },
                forms);
        }

        [Theory]
        [MemberData(nameof(Rows))]
        public void ThePlaceholderIsNoPasswordAndTheLookAlikeIs(int row, string form)
        {
            var (_, placeholder, lookAlike) = Table[row];
            Assert.True(CredentialClassifier.IsPlaceholder(placeholder), form + ": " + placeholder);
            Assert.False(CredentialClassifier.IsRealPassword(placeholder, placeholder));
            Assert.False(CredentialClassifier.IsPlaceholder(lookAlike), form + ": " + lookAlike);
            Assert.True(CredentialClassifier.IsRealPassword(lookAlike, lookAlike));
        }

        [Theory]
        [InlineData("change me")]
        [InlineData("Fill In")]
        [InlineData("your password")]
        [InlineData("  <password>  ")]
        public void SpacedTemplateWordsAndPaddingArePlaceholders(string text)
        {
            Assert.True(CredentialClassifier.IsPlaceholder(text));
        }

        [Theory]
        [MemberData(nameof(Rows))]
        public async Task MTA001IsSilentOnThePlaceholderAndFiresOnTheLookAlikeInAUri(int row, string form)
        {
            var (_, placeholder, lookAlike) = Table[row];
            _ = form;
            await Verify.VerifyAsync(/* lang=c#-test */ $$"""

using MongoDB.Driver;
class C
{
    object Template() => new MongoClient("mongodb://app:{{placeholder}}@db.example.com/app");
    object Real() => new MongoClient({|MTA001:"mongodb://app:{{lookAlike}}@db.example.com/app"|});
}
""");
        }

        [Fact]
        public async Task APercentEncodedSpaceInATemplateWordIsStillAPlaceholder()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object Template() => new MongoClient("mongodb://app:change%20me@db.example.com/app");
    object Real() => new MongoClient({|MTA001:"mongodb://app:change%20me%21@db.example.com/app"|});
}
""");
        }

        [Fact]
        public void APasswordEqualToTheUserNameIsRealAndWeak()
        {
            var userInfo = MongoUriParser.Parse("mongodb://admin:admin@db.example.com/", DriverProfile.V3)!.UserInfo!;
            Assert.True(userInfo.HasRealPassword);
            Assert.True(userInfo.HasWeakPassword);
            Assert.False(MongoUriParser.Parse("mongodb://admin:Adm1n@db.example.com/", DriverProfile.V3)!.UserInfo!.HasWeakPassword);
        }
    }
}
