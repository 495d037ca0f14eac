using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>The <c>user:password@</c> part.</summary>
    internal sealed class MongoUriUserInfo
    {
        public MongoUriUserInfo(string rawUsername, TextSpan usernameSpan, string? rawPassword, TextSpan? passwordSpan)
        {
            RawUsername = rawUsername;
            UsernameSpan = usernameSpan;
            RawPassword = rawPassword;
            PasswordSpan = passwordSpan;
        }

        /// <summary>The user name as written (still percent-encoded).</summary>
        public string RawUsername { get; }

        public TextSpan UsernameSpan { get; }

        /// <summary>The password as written (still percent-encoded), or null when there is no <c>:</c>.</summary>
        public string? RawPassword { get; }

        public TextSpan? PasswordSpan { get; }

        public string Username => PercentDecoding.Decode(RawUsername);

        public string? Password => RawPassword is null ? null : PercentDecoding.Decode(RawPassword);

        public bool UsernameHasHole => RawUsername.IndexOf(MongoUri.HoleChar) >= 0;

        /// <summary>
        /// True when the user info holds a real password, not a placeholder or none (docs/architecture.md
        /// "Placeholder password"). A password equal to the user name is real: see <see cref="HasWeakPassword"/>.
        /// </summary>
        public bool HasRealPassword => CredentialClassifier.IsRealPassword(RawPassword, Password);

        /// <summary>
        /// True when the password equals the user name. Then the user name tells the password, so redacted text hides
        /// it too; a user name with a hole tells nothing.
        /// </summary>
        public bool HasWeakPassword => Password is { } password && !UsernameHasHole && CredentialClassifier.IsWeak(password, Username);

        public bool PasswordHasHole => RawPassword is not null && RawPassword.IndexOf(MongoUri.HoleChar) >= 0;
    }
}
