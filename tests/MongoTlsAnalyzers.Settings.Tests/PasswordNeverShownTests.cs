using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace MongoTlsAnalyzers.Settings.Tests
{
    /// <summary>
    /// A property test: for generated passwords (reserved URI characters, '@', '%', spaces, non-ASCII), written
    /// encoded or not into many shapes of connection string, or given as MongoDB:Password, no problem message
    /// ever holds the password.
    /// </summary>
    public sealed class PasswordNeverShownTests
    {
        private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@:/?#[]!$&'()*+,;=%-._~ éü";

        private static readonly string[] Shapes =
        {
            "mongodb://admin:{0}@db.example.com/",
            "mongodb://admin:{0}@db.example.com:99999/",
            "mongodb://admin:{0}@db.example.com/?authMechanism=BOGUS",
            "mongodb://admin:{0}@db.example.com/?tls=true&tlsCAFile=/x.pem&connectTimeoutMS=0",
            "mongodb://admin:{0}@db.example.com/?connectTimeoutMS=abc",
            "mongodb+srv://admin:{0}@cluster0.example.net:27017/",
            "mongodb://admin:{0}@db.example.com/?tlsInsecure=true&serverSelectionTimeoutMS=10",
            "mongo://admin:{0}@db.example.com/",
            "mongodb://admin:{0}@/",
            "mongodb://admin:{0}",
        };

        [Fact]
        public void NoProblemEverContainsThePassword()
        {
            var random = new Random(20261206);
            var cases = 0;
            for (var i = 0; i < 400; i++)
            {
                var password = Generate(random);
                foreach (var shape in Shapes)
                {
                    foreach (var written in new[] { password, Uri.EscapeDataString(password) })
                    {
                        var connectionString = string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, written);
                        AssertHidden(password, new SecureMongoOptions { ConnectionString = connectionString });
                        AssertHidden(password, new SecureMongoOptions { ConnectionString = connectionString, Password = password, Username = "other" });
                        cases += 2;
                    }
                }

                AssertHidden(password, new SecureMongoOptions { ConnectionString = "mongodb://db.example.com/?tls=false", Password = password, Tls = { ClientCertificatePath = "/missing.pfx", ClientCertificatePassword = password } });
                AssertHiddenThroughConfiguration(password, random);
            }

            Assert.True(cases > 10000, cases.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        private static void AssertHidden(string password, SecureMongoOptions options)
        {
            var problems = SecureMongoSettings.Validate(options);
            foreach (var problem in problems)
            {
                Assert.False(problem.Contains(password, StringComparison.Ordinal), $"Password '{password}' shown in: {problem}");
                Assert.False(problem.Contains(Uri.EscapeDataString(password), StringComparison.Ordinal), $"Encoded password '{password}' shown in: {problem}");
            }

            if (problems.Count > 0)
            {
                var failure = Assert.Throws<SecureMongoConfigurationException>(() => SecureMongoSettings.Build(options));
                Assert.DoesNotContain(password, failure.Message, StringComparison.Ordinal);
            }
        }

        private static void AssertHiddenThroughConfiguration(string password, Random random)
        {
            // The password lands in every value of the section, typed or not.
            var keys = new[] { "Timeouts:Connect", "Tls:Enabled", "Pool:MaxSize", "Tls:RevocationMode", "ReadPreference", "Tls:MinimumProtocol", "ServerApi:Version", "Username" };
            var key = keys[random.Next(keys.Length)];
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MongoDB:ConnectionString"] = "mongodb://admin@db.example.com/",
                ["MongoDB:Password"] = password,
                ["MongoDB:" + key] = password,
            }).Build();
            var failure = Assert.Throws<SecureMongoConfigurationException>(() => SecureMongoSettings.FromConfiguration(configuration.GetSection("MongoDB")));
            Assert.False(failure.Message.Contains(password, StringComparison.Ordinal), $"Password '{password}' in {key} shown in: {failure.Message}");
        }

        private static string Generate(Random random)
        {
            var length = random.Next(8, 24);
            var builder = new StringBuilder(length);
            for (var i = 0; i < length; i++)
            {
                builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            return builder.ToString();
        }
    }
}
