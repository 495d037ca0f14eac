using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>
    /// Turns the raw spans of a connection string into a <see cref="MongoUri"/>, reading every option the
    /// way the driver's <c>ConnectionString.ParseOption</c> does and collecting the errors it would raise.
    /// Error texts name options, never values, so that no secret can leak through them.
    /// </summary>
    internal sealed partial class UriInterpreter
    {
        private readonly string _text;
        private readonly MongoUriScheme _scheme;
        private readonly MongoUriParser.RawParts _parts;
        private readonly DriverProfile _profile;
        private readonly List<string> _errors = new List<string>();

        // Option state that the driver's cross-checks look at.
        private bool? _tls;
        private bool? _tlsInsecure;
        private bool? _tlsDisableRevocationCheck;
        private bool? _journal;
        private bool? _directConnection;
        private string? _connectMode;
        private string? _w;
        private bool _loadBalanced;
        private bool _hasReplicaSet;
        private int _srvMaxHosts;
        private bool _hasSrvServiceName;
        private int? _minPoolSize;
        private int? _maxPoolSize;
        private bool _proxyHostSet;
        private bool _proxyPortSet;
        private bool _proxyUsernameSet;
        private bool _proxyPasswordSet;
        private bool _zlibLevelSet;
        private readonly HashSet<string> _authMechanismPropertyKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public UriInterpreter(string text, MongoUriScheme scheme, MongoUriParser.RawParts parts, DriverProfile profile)
        {
            _text = text;
            _scheme = scheme;
            _parts = parts;
            _profile = profile;
        }

        public MongoUri Interpret()
        {
            if (!_parts.MatchesGrammar)
            {
                _errors.Add("the connection string does not match the driver's format");
            }

            if (PercentDecoding.HasInvalidEscape(_text))
            {
                _errors.Add("the connection string contains an invalid '%' escape sequence");
            }

            var userInfo = ReadUserInfo();
            var database = _parts.Database is TextSpan db ? PercentDecoding.Decode(_text.Substring(db.Start, db.Length)) : null;
            var options = ReadOptions(out var unknownNames, out var timeouts);
            var hosts = ReadHosts();
            CrossCheck(hosts.Length);

            return new MongoUri(
                _text,
                _scheme,
                _parts.MatchesGrammar,
                userInfo,
                hosts,
                database,
                options,
                unknownNames,
                _errors.ToImmutableArray(),
                _tls,
                _tlsInsecure,
                timeouts);
        }

        private MongoUriUserInfo? ReadUserInfo()
        {
            if (_parts.Username is not TextSpan username)
            {
                return null;
            }

            string? password = null;
            if (_parts.Password is TextSpan passwordSpan)
            {
                password = _text.Substring(passwordSpan.Start, passwordSpan.Length);
            }

            return new MongoUriUserInfo(_text.Substring(username.Start, username.Length), username, password, _parts.Password);
        }

        private ImmutableArray<MongoUriHost> ReadHosts()
        {
            var isSrv = _scheme == MongoUriScheme.Srv;
            var builder = ImmutableArray.CreateBuilder<MongoUriHost>(_parts.Hosts.Count);
            foreach (var span in _parts.Hosts)
            {
                var text = _text.Substring(span.Start, span.Length);
                if (isSrv && HasPort(text))
                {
                    _errors.Add("a host of a mongodb+srv connection string cannot specify a port");
                }

                if (text.IndexOf(MongoUri.HoleChar) >= 0)
                {
                    // Not constant: neither valid nor invalid as far as we can tell.
                    builder.Add(new MongoUriHost(text, span, StripPort(text).ToLowerInvariant(), null));
                    continue;
                }

                var valid = HostClassifier.TryParseEndPoint(text, isSrv ? 53 : 27017, out var host, out var port, out _);
                if (!valid)
                {
                    _errors.Add("a host is not valid");
                    host = StripPort(text).ToLowerInvariant();
                }

                builder.Add(new MongoUriHost(text, span, host, valid ? port : (int?)null));
            }

            if (isSrv && builder.Count > 1)
            {
                _errors.Add("only one host is allowed with the mongodb+srv scheme");
            }

            return builder.MoveToImmutable();
        }

        // The driver's ".*:\d+" test for SRV hosts.
        private static bool HasPort(string host)
        {
            for (var i = host.Length - 1; i > 0; i--)
            {
                if (host[i] == ':' && i + 1 < host.Length && char.IsDigit(host[i + 1]))
                {
                    return true;
                }
            }

            return false;
        }

        private static string StripPort(string host)
        {
            if (host.StartsWith("[", StringComparison.Ordinal))
            {
                var close = host.IndexOf(']');
                return close > 0 ? host.Substring(0, close + 1) : host;
            }

            var colon = host.LastIndexOf(':');
            return colon > 0 ? host.Substring(0, colon) : host;
        }

        private ImmutableArray<MongoUriOption> ReadOptions(out ImmutableArray<string> unknownNames, out ImmutableDictionary<DriverTimeout, MongoUriOption> timeouts)
        {
            var options = ImmutableArray.CreateBuilder<MongoUriOption>(_parts.Options.Count);
            var unknown = new List<string>();
            var unknownSet = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var timeoutMap = ImmutableDictionary.CreateBuilder<DriverTimeout, MongoUriOption>();

            void AddUnknown(string name)
            {
                if (unknownSet.Add(name))
                {
                    unknown.Add(name);
                }
            }

            foreach (var span in _parts.Options)
            {
                var option = CreateOption(span);
                options.Add(option);
                if (option.Known is null)
                {
                    if (option.Name.IndexOf(MongoUri.HoleChar) < 0)
                    {
                        AddUnknown(option.Name);
                    }

                    continue;
                }

                ReadValue(option, AddUnknown);
                if (option.Error is not null)
                {
                    _errors.Add(option.Error);
                }

                if (option.Known.Timeout != DriverTimeout.None && option.Duration is TimeSpan duration)
                {
                    if (option.Known.Timeout == DriverTimeout.MaxStaleness && duration == TimeSpan.FromSeconds(-1))
                    {
                        // The driver reads maxStalenessSeconds=-1 as "no maximum".
                        timeoutMap.Remove(DriverTimeout.MaxStaleness);
                    }
                    else
                    {
                        timeoutMap[option.Known.Timeout] = option;
                    }
                }
            }

            unknownNames = unknown.ToImmutableArray();
            timeouts = timeoutMap.ToImmutable();
            return options.MoveToImmutable();
        }

        private MongoUriOption CreateOption(TextSpan span)
        {
            // The driver splits on '=' and reads parts[0] and parts[1], each trimmed: text after a second '='
            // is dropped. The lenient splitter may hand over a segment without '=', read as an empty value.
            var segment = _text.Substring(span.Start, span.Length);
            var equals = segment.IndexOf('=');
            string rawName;
            string rawValue;
            int valueOffset;
            if (equals < 0)
            {
                rawName = segment;
                rawValue = string.Empty;
                valueOffset = segment.Length;
            }
            else
            {
                rawName = segment.Substring(0, equals);
                var secondEquals = segment.IndexOf('=', equals + 1);
                valueOffset = equals + 1;
                rawValue = secondEquals < 0 ? segment.Substring(valueOffset) : segment.Substring(valueOffset, secondEquals - valueOffset);
            }

            var name = rawName.Trim();
            var nameStart = span.Start + rawName.IndexOf(name, StringComparison.Ordinal);
            var value = rawValue.Trim();
            var valueStart = span.Start + valueOffset + (value.Length == 0 ? 0 : rawValue.IndexOf(value, StringComparison.Ordinal));
            var known = name.IndexOf(MongoUri.HoleChar) >= 0 ? null : UriOptionCatalog.Find(name, _profile);
            return new MongoUriOption(
                name,
                new TextSpan(nameStart, name.Length),
                value,
                new TextSpan(valueStart, value.Length),
                span,
                known);
        }

        private void CrossCheck(int hostCount)
        {
            var isSrv = _scheme == MongoUriScheme.Srv;
            if (_journal == true && _w == "0")
            {
                _errors.Add("journal=true with w=0 is an invalid write concern");
            }

            if (_tlsInsecure.HasValue && _tlsDisableRevocationCheck.HasValue)
            {
                _errors.Add("specifying both tlsInsecure and tlsDisableCertificateRevocationCheck is invalid");
            }

            var isDirect = _directConnection == true;
            if (_profile.IsVersion2)
            {
                if (_connectMode is not null && _directConnection.HasValue)
                {
                    _errors.Add("connect and directConnection cannot both be specified");
                }

                isDirect |= string.Equals(_connectMode, "direct", StringComparison.OrdinalIgnoreCase);
            }

            if (isSrv && isDirect)
            {
                _errors.Add("directConnection cannot be used with mongodb+srv");
            }

            if (hostCount > 1 && isDirect)
            {
                _errors.Add("directConnection cannot be used with several hosts");
            }

            if (_srvMaxHosts > 0 && !isSrv)
            {
                _errors.Add("srvMaxHosts can only be used with the mongodb+srv scheme");
            }

            if (_hasReplicaSet && _srvMaxHosts > 0)
            {
                _errors.Add("srvMaxHosts cannot be combined with replicaSet");
            }

            if (_hasSrvServiceName && !isSrv)
            {
                _errors.Add("srvServiceName is only allowed with the mongodb+srv scheme");
            }

            if (_loadBalanced)
            {
                if (hostCount > 1 || _hasReplicaSet || _srvMaxHosts > 0 || isDirect)
                {
                    _errors.Add("loadBalanced cannot be combined with several hosts, replicaSet, srvMaxHosts or directConnection");
                }
            }

            if (!_profile.IsVersion2)
            {
                if (!_proxyHostSet && (_proxyPortSet || _proxyUsernameSet || _proxyPasswordSet))
                {
                    _errors.Add("proxy options need proxyHost");
                }

                if (_proxyUsernameSet != _proxyPasswordSet)
                {
                    _errors.Add("proxyUsername and proxyPassword must both be given, or neither");
                }

                if (_minPoolSize.HasValue && _maxPoolSize.HasValue && _minPoolSize.Value > _maxPoolSize.Value)
                {
                    _errors.Add("maxPoolSize must be greater than or equal to minPoolSize");
                }
            }
        }
    }
}
