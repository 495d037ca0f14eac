using System;
using System.Globalization;
using System.Text;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>
    /// How each option's value is read, as the driver's <c>ConnectionString.ParseOption</c> reads it: the other half
    /// of <see cref="UriInterpreter"/>, which reads the URI's structure (user info, hosts, the option list) and checks
    /// the options against each other.
    /// </summary>
    internal sealed partial class UriInterpreter
    {
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
