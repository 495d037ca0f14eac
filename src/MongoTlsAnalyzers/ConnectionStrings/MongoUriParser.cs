using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>
    /// Parses MongoDB connection strings into <see cref="MongoUri"/>. It reproduces the driver's
    /// pattern (<c>ConnectionString.Parse</c>) with a hand-written matcher, so that it runs in linear time on
    /// any input and never throws; when the pattern does not match, a lenient split still exposes the
    /// parts, so that half-typed or templated strings can be analysed.
    /// </summary>
    internal static class MongoUriParser
    {
        /// <summary>Returns null when <paramref name="text"/> does not start with a MongoDB scheme.</summary>
        public static MongoUri? Parse(string text, DriverProfile profile)
        {
            if (text is null)
            {
                return null;
            }

            MongoUriScheme scheme;
            int start;
            if (text.StartsWith(MongoUri.SrvPrefix, StringComparison.Ordinal))
            {
                scheme = MongoUriScheme.Srv;
                start = MongoUri.SrvPrefix.Length;
            }
            else if (text.StartsWith(MongoUri.StandardPrefix, StringComparison.Ordinal))
            {
                scheme = MongoUriScheme.Standard;
                start = MongoUri.StandardPrefix.Length;
            }
            else
            {
                return null;
            }

            var parts = GrammarMatcher.TryMatch(text, start) ?? LenientSplitter.Split(text, start);
            return new UriInterpreter(text, scheme, parts, profile).Interpret();
        }

        /// <summary>The raw spans of a connection string, before any interpretation.</summary>
        internal sealed class RawParts
        {
            public bool MatchesGrammar;
            public TextSpan? Username;
            public TextSpan? Password;
            public readonly List<TextSpan> Hosts = new List<TextSpan>();
            public TextSpan? Database;
            public readonly List<TextSpan> Options = new List<TextSpan>();
        }

        /// <summary>
        /// Matches, by hand, the driver's pattern:
        /// <code>
        /// ^(?&lt;scheme&gt;mongodb|mongodb\+srv)://((?&lt;username&gt;[^:@/]+)(:(?&lt;password&gt;[^:@/]*))?@)?
        ///   host(,host)*(/(?&lt;database&gt;[^/?]+))?/?(\?option((&amp;|;)option)*)?$
        /// host   = ((\[[^]]+?\]|[^:@,/?#]+)(:\d+)?)
        /// option = [^&amp;;]+=[^&amp;;]+
        /// </code>
        /// Backtracking is limited to the two places where the pattern has alternatives (the optional
        /// user-info and the two host forms); failed host positions are remembered, so the work is linear.
        /// </summary>
        private static class GrammarMatcher
        {
            public static RawParts? TryMatch(string s, int start)
            {
                if (TryUserInfo(s, start, out var afterUserInfo, out var username, out var password))
                {
                    var parts = MatchAfterUserInfo(s, afterUserInfo);
                    if (parts is not null)
                    {
                        parts.Username = username;
                        parts.Password = password;
                        return parts;
                    }
                }

                return MatchAfterUserInfo(s, start);
            }

            private static bool TryUserInfo(string s, int start, out int next, out TextSpan username, out TextSpan? password)
            {
                next = start;
                username = default;
                password = null;
                var i = start;
                while (i < s.Length && s[i] != ':' && s[i] != '@' && s[i] != '/')
                {
                    i++;
                }

                if (i == start || i >= s.Length)
                {
                    return false;
                }

                username = TextSpan.FromBounds(start, i);
                if (s[i] == '@')
                {
                    next = i + 1;
                    return true;
                }

                if (s[i] != ':')
                {
                    return false;
                }

                var j = i + 1;
                while (j < s.Length && s[j] != ':' && s[j] != '@' && s[j] != '/')
                {
                    j++;
                }

                if (j < s.Length && s[j] == '@')
                {
                    password = TextSpan.FromBounds(i + 1, j);
                    next = j + 1;
                    return true;
                }

                return false;
            }

            private static RawParts? MatchAfterUserInfo(string s, int start)
            {
                // Depth-first search over the host list with an explicit stack; each frame holds the
                // candidate ends of one host (at most two), and positions known to fail are remembered.
                var failed = new HashSet<int>();
                var frames = new List<HostFrame>();
                var alternatives = HostAlternatives(s, start);
                if (alternatives.Count == 0)
                {
                    return null;
                }

                frames.Add(new HostFrame(start, alternatives));
                while (frames.Count > 0)
                {
                    var frame = frames[frames.Count - 1];
                    if (frame.Next >= frame.Ends.Count)
                    {
                        failed.Add(frame.Start);
                        frames.RemoveAt(frames.Count - 1);
                        continue;
                    }

                    var end = frame.Ends[frame.Next];
                    frame.Next++;
                    if (end < s.Length && s[end] == ',')
                    {
                        var nextStart = end + 1;
                        if (failed.Contains(nextStart))
                        {
                            continue;
                        }

                        var nextAlternatives = HostAlternatives(s, nextStart);
                        if (nextAlternatives.Count == 0)
                        {
                            failed.Add(nextStart);
                            continue;
                        }

                        frame.ChosenEnd = end;
                        frames.Add(new HostFrame(nextStart, nextAlternatives));
                        continue;
                    }

                    var parts = new RawParts();
                    if (MatchTail(s, end, parts))
                    {
                        frame.ChosenEnd = end;
                        parts.MatchesGrammar = true;
                        foreach (var f in frames)
                        {
                            parts.Hosts.Add(TextSpan.FromBounds(f.Start, f.ChosenEnd));
                        }

                        return parts;
                    }
                }

                return null;
            }

            /// <summary>The ends of <c>(\[[^]]+?\]|[^:@,/?#]+)(:\d+)?</c> at <paramref name="start"/>.</summary>
            private static List<int> HostAlternatives(string s, int start)
            {
                var ends = new List<int>(2);
                if (start < s.Length && s[start] == '[')
                {
                    var close = s.IndexOf(']', start + 1);
                    if (close > start + 1)
                    {
                        ends.Add(SkipPort(s, close + 1));
                    }
                }

                var i = start;
                while (i < s.Length && s[i] != ':' && s[i] != '@' && s[i] != ',' && s[i] != '/' && s[i] != '?' && s[i] != '#')
                {
                    i++;
                }

                if (i > start)
                {
                    var end = SkipPort(s, i);
                    if (!ends.Contains(end))
                    {
                        ends.Add(end);
                    }
                }

                return ends;
            }

            // A hole stands for text we cannot see; in a port it is taken to be digits, so that
            // $"mongodb://{host}:{port}/..." still matches and its options can be analysed.
            private static bool IsPortChar(char c) => char.IsDigit(c) || c == MongoUri.HoleChar;

            private static int SkipPort(string s, int i)
            {
                if (i + 1 < s.Length && s[i] == ':' && IsPortChar(s[i + 1]))
                {
                    var j = i + 1;
                    while (j < s.Length && IsPortChar(s[j]))
                    {
                        j++;
                    }

                    return j;
                }

                return i;
            }

            /// <summary><c>(/(?&lt;database&gt;[^/?]+))?/?(\?option((&amp;|;)option)*)?$</c></summary>
            private static bool MatchTail(string s, int i, RawParts parts)
            {
                if (i < s.Length && s[i] == '/')
                {
                    var dbStart = i + 1;
                    var dbEnd = dbStart;
                    while (dbEnd < s.Length && s[dbEnd] != '/' && s[dbEnd] != '?')
                    {
                        dbEnd++;
                    }

                    if (dbEnd > dbStart)
                    {
                        var k = dbEnd;
                        if (k < s.Length && s[k] == '/')
                        {
                            k++;
                        }

                        if (MatchOptionsToEnd(s, k, parts))
                        {
                            parts.Database = TextSpan.FromBounds(dbStart, dbEnd);
                            return true;
                        }

                        parts.Options.Clear();
                    }

                    // No database: the slash alone is the optional "/?".
                    return MatchOptionsToEnd(s, i + 1, parts);
                }

                return MatchOptionsToEnd(s, i, parts);
            }

            private static bool MatchOptionsToEnd(string s, int i, RawParts parts)
            {
                if (IsEnd(s, i))
                {
                    return true;
                }

                if (s[i] != '?')
                {
                    return false;
                }

                var segmentStart = i + 1;
                while (true)
                {
                    var segmentEnd = segmentStart;
                    while (segmentEnd < s.Length && s[segmentEnd] != '&' && s[segmentEnd] != ';')
                    {
                        segmentEnd++;
                    }

                    if (!IsOptionSegment(s, segmentStart, segmentEnd))
                    {
                        parts.Options.Clear();
                        return false;
                    }

                    parts.Options.Add(TextSpan.FromBounds(segmentStart, segmentEnd));
                    if (segmentEnd >= s.Length)
                    {
                        return true;
                    }

                    segmentStart = segmentEnd + 1;
                }
            }

            // [^&;]+=[^&;]+ : some '=' with at least one character on each side. A segment with a hole in it
            // may be a whole "name=value" supplied at run time, so it is accepted.
            private static bool IsOptionSegment(string s, int start, int end)
            {
                for (var i = start; i < end; i++)
                {
                    if (s[i] == MongoUri.HoleChar)
                    {
                        return true;
                    }
                }

                for (var i = start + 1; i < end - 1; i++)
                {
                    if (s[i] == '=')
                    {
                        return true;
                    }
                }

                return false;
            }

            // The pattern ends in '$', which also matches just before a final newline.
            private static bool IsEnd(string s, int i) => i == s.Length || (i == s.Length - 1 && s[i] == '\n');

            private sealed class HostFrame
            {
                public HostFrame(int start, List<int> ends)
                {
                    Start = start;
                    Ends = ends;
                }

                public int Start { get; }

                public List<int> Ends { get; }

                public int Next { get; set; }

                public int ChosenEnd { get; set; }
            }
        }

        /// <summary>
        /// Splits a string that does not match the driver's pattern into its likely parts: user-info up
        /// to the last '@' before the path, hosts separated by commas, database, and options.
        /// </summary>
        private static class LenientSplitter
        {
            public static RawParts Split(string s, int start)
            {
                var parts = new RawParts();
                var authorityEnd = IndexOfAny(s, start, '/', '?');
                var at = s.LastIndexOf('@', authorityEnd - 1, authorityEnd - start);
                var hostsStart = start;
                if (at >= start)
                {
                    var colon = s.IndexOf(':', start, at - start);
                    if (colon >= 0)
                    {
                        parts.Username = TextSpan.FromBounds(start, colon);
                        parts.Password = TextSpan.FromBounds(colon + 1, at);
                    }
                    else
                    {
                        parts.Username = TextSpan.FromBounds(start, at);
                    }

                    hostsStart = at + 1;
                }

                var hostStart = hostsStart;
                for (var i = hostsStart; i <= authorityEnd; i++)
                {
                    if (i == authorityEnd || s[i] == ',')
                    {
                        if (i > hostStart)
                        {
                            parts.Hosts.Add(TextSpan.FromBounds(hostStart, i));
                        }

                        hostStart = i + 1;
                    }
                }

                var position = authorityEnd;
                if (position < s.Length && s[position] == '/')
                {
                    var dbEnd = IndexOfAny(s, position + 1, '?', '?');
                    if (dbEnd > position + 1)
                    {
                        parts.Database = TextSpan.FromBounds(position + 1, dbEnd);
                    }

                    position = dbEnd;
                }

                if (position < s.Length && s[position] == '?')
                {
                    var segmentStart = position + 1;
                    for (var i = segmentStart; i <= s.Length; i++)
                    {
                        if (i == s.Length || s[i] == '&' || s[i] == ';')
                        {
                            if (i > segmentStart)
                            {
                                parts.Options.Add(TextSpan.FromBounds(segmentStart, i));
                            }

                            segmentStart = i + 1;
                        }
                    }
                }

                return parts;
            }

            private static int IndexOfAny(string s, int start, char a, char b)
            {
                for (var i = start; i < s.Length; i++)
                {
                    if (s[i] == a || s[i] == b)
                    {
                        return i;
                    }
                }

                return s.Length;
            }
        }
    }
}
