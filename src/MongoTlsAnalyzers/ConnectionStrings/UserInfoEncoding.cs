using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>
    /// The user info of a connection string the driver refuses because a character in it is not percent-encoded
    /// (<c>user:p@ss@host</c>), and its encoded form. Shared by the verdict (<see cref="DriverRejections"/>) and the
    /// MTA011 fix, so that the fix writes exactly the text the verdict found acceptable.
    /// </summary>
    internal static class UserInfoEncoding
    {
        // A hostile literal can hold thousands of '@'; only the last few can end a real user info.
        private const int MaxCandidates = 8;

        /// <summary>
        /// Encodes <c>@</c>, <c>/</c>, a bare <c>%</c>, and every <c>:</c> but the first (the one between user name and
        /// password), which is how the driver's format reads a user info.
        /// </summary>
        public static string Encode(string userInfo)
        {
            var builder = new StringBuilder(userInfo.Length + 8);
            var separatorSeen = false;
            for (var i = 0; i < userInfo.Length; i++)
            {
                var c = userInfo[i];
                switch (c)
                {
                    case '@':
                        builder.Append("%40");
                        break;
                    case '/':
                        builder.Append("%2F");
                        break;
                    case ':' when separatorSeen:
                        builder.Append("%3A");
                        break;
                    case ':':
                        separatorSeen = true;
                        builder.Append(c);
                        break;
                    case '%' when !IsEscape(userInfo, i):
                        builder.Append("%25");
                        break;
                    default:
                        builder.Append(c);
                        break;
                }
            }

            return builder.ToString();
        }

        /// <summary>
        /// Finds the user info (from after the scheme to the <c>@</c> before the hosts) whose encoding makes the text
        /// match the driver's format with valid escapes. Only called on text the driver refuses for its format or an
        /// escape; the '@' candidates are taken from the last one before the options backwards.
        /// </summary>
        public static bool TryFind(MongoUri uri, DriverProfile profile, out TextSpan span, out string characters)
        {
            span = default;
            characters = string.Empty;
            var text = uri.Text;
            var start = uri.IsSrv ? MongoUri.SrvPrefix.Length : MongoUri.StandardPrefix.Length;
            var query = text.IndexOf('?', start);
            var limit = query < 0 ? text.Length : query;
            var at = limit - 1;
            for (var tried = 0; tried < MaxCandidates; tried++)
            {
                at = at < start ? -1 : text.LastIndexOf('@', at, at - start + 1);
                if (at <= start)
                {
                    return false;
                }

                var userInfo = text.Substring(start, at - start);
                var encoded = Encode(userInfo);
                if (encoded != userInfo)
                {
                    var repaired = MongoUriParser.Parse(text.Substring(0, start) + encoded + text.Substring(at), profile);
                    if (repaired is not null && repaired.MatchesDriverGrammar && !PercentDecoding.HasInvalidEscape(repaired.Text))
                    {
                        span = new TextSpan(start, at - start);
                        characters = Describe(userInfo);
                        return true;
                    }
                }

                at--;
            }

            return false;
        }

        /// <summary>"'@' as %40 and ':' as %3A": the characters that need encoding, never the text around them.</summary>
        private static string Describe(string userInfo)
        {
            var parts = new List<string>();
            var colon = userInfo.IndexOf(':');
            if (userInfo.IndexOf('@') >= 0)
            {
                parts.Add("'@' as %40");
            }

            if (colon >= 0 && userInfo.IndexOf(':', colon + 1) >= 0)
            {
                parts.Add("':' as %3A");
            }

            if (userInfo.IndexOf('/') >= 0)
            {
                parts.Add("'/' as %2F");
            }

            for (var i = userInfo.IndexOf('%'); i >= 0; i = userInfo.IndexOf('%', i + 1))
            {
                if (!IsEscape(userInfo, i))
                {
                    parts.Add("'%' as %25");
                    break;
                }
            }

            return parts.Count switch
            {
                0 => string.Empty,
                1 => parts[0],
                _ => string.Join(", ", parts.GetRange(0, parts.Count - 1)) + " and " + parts[parts.Count - 1],
            };
        }

        private static bool IsEscape(string text, int i) => i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]);

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
