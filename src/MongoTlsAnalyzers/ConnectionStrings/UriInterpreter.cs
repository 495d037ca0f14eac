using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>
    /// Turns the raw spans of a connection string into a <see cref="MongoUri"/>, reading every option the
    /// way the driver's <c>ConnectionString.ParseOption</c> does and collecting the errors it would raise.
    /// Error texts name options, never values, so that no secret can leak through them.
    /// </summary>
    internal sealed class UriInterpreter
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

        private void ReadValue(MongoUriOption option, Action<string> addUnknown)
        {
            var known = option.Known!;
            if (option.RawValue.IndexOf(MongoUri.HoleChar) >= 0)
            {
                // A value that is not constant cannot be checked; it is neither right nor wrong.
                return;
            }

            var value = option.Value;
            var name = known.Key;
            switch (known.Kind)
            {
                case UriOptionKind.Text:
                    if (name == "replicaset")
                    {
                        _hasReplicaSet = true;
                    }
                    else if (name == "gssapiservicename" && !_authMechanismPropertyKeys.Add("SERVICE_NAME"))
                    {
                        option.Error = "authMechanismProperties has the SERVICE_NAME property twice";
                    }

                    break;

                case UriOptionKind.NonEmptyText:
                    if (value.Length == 0)
                    {
                        option.Error = option.Name + " cannot be empty";
                    }

                    _hasSrvServiceName = true;
                    break;

                case UriOptionKind.Boolean:
                    ReadBoolean(option, value);
                    break;

                case UriOptionKind.Int32:
                case UriOptionKind.NonNegativeInt32:
                    ReadInt32(option, value, known.Kind == UriOptionKind.NonNegativeInt32);
                    break;

                case UriOptionKind.Double:
                    if (!double.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _))
                    {
                        option.Error = option.Name + " has an invalid number";
                    }

                    break;

                case UriOptionKind.Duration:
                case UriOptionKind.NonNegativeDuration:
                    if (UriDuration.TryParse(option.Name, value, out var duration, out var unit))
                    {
                        option.DurationUnit = unit;
                        if (known.Kind == UriOptionKind.NonNegativeDuration && duration < TimeSpan.Zero)
                        {
                            option.Error = option.Name + " must be greater than or equal to 0";
                        }
                        else
                        {
                            option.Duration = duration;
                        }
                    }
                    else
                    {
                        option.Error = option.Name + " has an invalid duration";
                    }

                    break;

                case UriOptionKind.Enum:
                    // The 2.x driver reads connect=shardRouter as "sharded".
                    var enumValue = name == "connect" && string.Equals(value.Trim(), "shardrouter", StringComparison.OrdinalIgnoreCase) ? "sharded" : value;
                    if (!IsEnumValue(enumValue, known.EnumNames))
                    {
                        option.Error = option.Name + " has an invalid value";
                    }
                    else if (name == "connect")
                    {
                        _connectMode = enumValue.Trim();
                    }

                    break;

                case UriOptionKind.WriteConcern:
                    if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var w))
                    {
                        if (w < 0)
                        {
                            option.Error = "w must be greater than or equal to 0";
                        }

                        _w = w.ToString(CultureInfo.InvariantCulture);
                    }
                    else if (value.Length == 0)
                    {
                        option.Error = "w cannot be empty";
                    }
                    else
                    {
                        _w = value;
                    }

                    break;

                case UriOptionKind.ApplicationName:
                    if (Utf8ByteCount(value) is not int bytes || bytes > 128)
                    {
                        option.Error = "the application name exceeds 128 bytes after encoding to UTF-8";
                    }

                    break;

                case UriOptionKind.AuthMechanismProperties:
                    foreach (var property in option.RawValue.Split(','))
                    {
                        var decoded = PercentDecoding.Decode(property);
                        var colon = decoded.IndexOf(':');
                        if (colon < 0)
                        {
                            option.Error = "authMechanismProperties has an invalid value";
                            break;
                        }

                        if (!_authMechanismPropertyKeys.Add(decoded.Substring(0, colon)))
                        {
                            option.Error = "authMechanismProperties has the same property twice";
                            break;
                        }
                    }

                    break;

                case UriOptionKind.Compressors:
                    foreach (var compressor in value.Split(','))
                    {
                        switch (compressor.ToLowerInvariant())
                        {
                            case "noop":
                            case "zlib":
                            case "snappy":
                            case "zstd":
                                break;
                            default:
                                // The driver files an unsupported compressor under the unknown options.
                                addUnknown(option.Name);
                                option.HasIgnoredValue = true;
                                break;
                        }
                    }

                    break;

                case UriOptionKind.ReadPreferenceTags:
                    foreach (var tag in value.Split(','))
                    {
                        if (tag.Split(':').Length != 2)
                        {
                            option.Error = "readPreferenceTags has an invalid value";
                            break;
                        }
                    }

                    break;

                case UriOptionKind.ProxyText:
                    ReadProxyText(option, value, name);
                    break;

                case UriOptionKind.ProxyPort:
                    if (_proxyPortSet)
                    {
                        option.Error = "multiple proxyPort options are not allowed";
                    }
                    else if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var proxyPort))
                    {
                        option.Error = "proxyPort has an invalid number";
                    }
                    else if (proxyPort < 1 || proxyPort > 65535)
                    {
                        option.Error = "proxyPort must be between 1 and 65535";
                    }

                    _proxyPortSet = true;
                    break;
            }
        }

        private void ReadBoolean(MongoUriOption option, string value)
        {
            if (!TryParseBoolean(value, out var flag))
            {
                option.Error = option.Name + " has an invalid boolean value; use true or false";
                return;
            }

            option.Boolean = flag;
            switch (option.Known!.Key)
            {
                case "tls":
                case "ssl":
                    if (_tls.HasValue && _tls.Value != flag)
                    {
                        option.Error = "tls has already been configured with a different value";
                    }

                    _tls = flag;
                    break;
                case "tlsinsecure":
                case "sslverifycertificate":
                    var insecure = option.Known.Key == "tlsinsecure" ? flag : !flag;
                    if (_tlsInsecure.HasValue && _tlsInsecure.Value != insecure)
                    {
                        option.Error = "tlsInsecure has already been configured with a different value";
                    }

                    _tlsInsecure = insecure;
                    break;
                case "tlsdisablecertificaterevocationcheck":
                    if (_tlsDisableRevocationCheck.HasValue && _tlsDisableRevocationCheck.Value != flag)
                    {
                        option.Error = "tlsDisableCertificateRevocationCheck has already been configured with a different value";
                    }

                    _tlsDisableRevocationCheck = flag;
                    break;
                case "j":
                case "journal":
                    _journal = flag;
                    break;
                case "directconnection":
                    _directConnection = flag;
                    break;
                case "loadbalanced":
                    _loadBalanced = flag;
                    break;
                case "safe":
                    // safe=true keeps an existing w unless it is 0; safe=false forces w=0.
                    if (_w is null)
                    {
                        _w = flag ? "1" : "0";
                    }
                    else if (!flag)
                    {
                        _w = "0";
                    }
                    else if (_w == "0")
                    {
                        _w = "1";
                    }

                    break;
            }
        }

        private void ReadInt32(MongoUriOption option, string value, bool nonNegative)
        {
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                option.Error = option.Name + " has an invalid integer value";
                return;
            }

            if (nonNegative && number < 0)
            {
                option.Error = option.Name + " must be greater than or equal to 0";
            }

            switch (option.Known!.Key)
            {
                case "srvmaxhosts":
                    _srvMaxHosts = number;
                    break;
                case "minpoolsize":
                    _minPoolSize = number;
                    break;
                case "maxpoolsize":
                    _maxPoolSize = number;
                    break;
                case "zlibcompressionlevel":
                    if (_zlibLevelSet)
                    {
                        option.Error = "zlibCompressionLevel is given twice";
                    }

                    _zlibLevelSet = true;
                    break;
            }
        }

        private void ReadProxyText(MongoUriOption option, string value, string name)
        {
            bool alreadySet;
            switch (name)
            {
                case "proxyhost":
                    alreadySet = _proxyHostSet;
                    _proxyHostSet = value.Length > 0 || _proxyHostSet;
                    break;
                case "proxyusername":
                    alreadySet = _proxyUsernameSet;
                    _proxyUsernameSet = value.Length > 0 || _proxyUsernameSet;
                    break;
                default:
                    alreadySet = _proxyPasswordSet;
                    _proxyPasswordSet = value.Length > 0 || _proxyPasswordSet;
                    break;
            }

            if (alreadySet)
            {
                option.Error = "multiple " + option.Name + " options are not allowed";
            }
            else if (value.Length == 0)
            {
                option.Error = option.Name + " cannot be empty";
            }
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

        /// <summary>Boolean.TryParse: "true"/"false" in any case, surrounding white space and NULs ignored.</summary>
        internal static bool TryParseBoolean(string value, out bool result)
        {
            var trimmed = value.Trim().Trim('\0').Trim();
            if (string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase))
            {
                result = true;
                return true;
            }

            if (string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase))
            {
                result = false;
                return true;
            }

            result = false;
            return false;
        }

        /// <summary>Enum.Parse(type, value, ignoreCase: true) over the enum's names, or a number.</summary>
        private static bool IsEnumValue(string value, string[] names)
        {
            var trimmed = value.Trim();
            if (trimmed.Length == 0)
            {
                return false;
            }

            var first = trimmed[0];
            if ((first >= '0' && first <= '9') || first == '-' || first == '+')
            {
                return int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
            }

            foreach (var part in trimmed.Split(','))
            {
                var item = part.Trim();
                var found = false;
                foreach (var name in names)
                {
                    if (string.Equals(item, name, StringComparison.OrdinalIgnoreCase))
                    {
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    return false;
                }
            }

            return true;
        }

        private static int? Utf8ByteCount(string value)
        {
            try
            {
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetByteCount(value);
            }
            catch (EncoderFallbackException)
            {
                return null;
            }
        }
    }
}
