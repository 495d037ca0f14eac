using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.Descriptors
{
    /// <summary>
    /// Everything a rule hands its fixes about one diagnostic (docs/architecture.md "From a diagnostic to a fix"),
    /// typed. A rule fills one and passes <see cref="ToProperties"/> to <see cref="Diagnostic.Create(DiagnosticDescriptor, Location, ImmutableDictionary{string, string}, object[])"/>;
    /// a fix reads it back with <see cref="Of"/>. This type is the only code that knows the property keys, and the
    /// code-fix assembly references it, so the two sides cannot drift. A fix decides whether to offer an action from
    /// these facts alone, and computes its edit only when the action runs.
    /// </summary>
    internal sealed record FixFacts
    {
        public static readonly FixFacts None = new FixFacts();

        /// <summary>What kind of code the flagged setting is: a statement, an initializer member, a named argument, a URI option.</summary>
        public SettingForm Setting { get; init; }

        /// <summary>How a Development guard can be added around the setting, when a host environment is in scope.</summary>
        public GuardForm Guard { get; init; }

        /// <summary>The host environment in scope, as code (<c>env</c>, <c>builder.Environment</c>), for the Development guard.</summary>
        public string? Environment { get; init; }

        /// <summary>The driver call the flagged URI or settings object reaches, when the fix may rewrite it.</summary>
        public SinkKind Sink { get; init; }

        /// <summary>The source span of that call (in the diagnostic's file).</summary>
        public TextSpan? SinkSpan { get; init; }

        /// <summary>
        /// The settings object that call creates is used later in its method other than by <c>new MongoClient(settings)</c>
        /// (a write such as <c>settings.SslSettings = ...</c>, a call, passed on), so the helper tier cannot own it
        /// (docs/architecture.md "Fixes") and is not offered.
        /// </summary>
        public bool SettingsUsedLater { get; init; }

        /// <summary>Removes the flagged option (and one separator) from the literal that holds it.</summary>
        public LiteralEdit? RemoveEdit { get; init; }

        /// <summary>Replaces part of the literal that holds the option: rename, raise, convert, tls=false to tls=true.</summary>
        public LiteralEdit? ReplaceEdit { get; init; }

        /// <summary>Inserts <c>tls=true&amp;</c> in front of the option (MTA009 on a URI without TLS).</summary>
        public LiteralEdit? EnableTlsEdit { get; init; }

        /// <summary>
        /// MTA009 on a URI option that turns validation off while TLS is off: one edit that turns TLS on and removes
        /// the option (<c>tlsInsecure=true</c> becomes <c>tls=true</c>; with <c>tls=false</c> in the same piece, that
        /// becomes <c>tls=true</c> and the option goes).
        /// </summary>
        public LiteralEdit? EnableTlsAndRemoveEdit { get; init; }

        /// <summary>
        /// The source span of the interpolated-text part the literal edits apply to, when the diagnostic is on the
        /// whole interpolated string; null when the edits apply to the literal the diagnostic lies in.
        /// </summary>
        public TextSpan? PieceSpan { get; init; }

        /// <summary>MTA009 about TLS turned off explicitly (<c>tls=false</c>, <c>UseTls = false</c>).</summary>
        public bool ExplicitTlsOff { get; init; }

        /// <summary>MTA009: the settings object that gets the TLS-only setting also has <c>UseTls</c> (so it can be turned on before it).</summary>
        public bool CanEnableTlsBefore { get; init; }

        /// <summary>
        /// MTA009 on a callback in <c>SslSettings = new SslSettings { ... }</c> while TLS is off: Enable TLS can turn TLS
        /// on at the settings object that <c>SslSettings</c> is set on.
        /// </summary>
        public bool EnableTlsOnEnclosingSettings { get; init; }

        /// <summary>MTA003: the flagged callback is written where it is assigned or passed, so a validator can replace it there.</summary>
        public bool ReplaceableCallback { get; init; }

        /// <summary>MTA008: the flagged <c>TimeSpan.FromSeconds(n)</c> or <c>new TimeSpan(n)</c> is written at the location (not read through a variable).</summary>
        public bool ConvertibleInPlace { get; init; }

        /// <summary>MTA007: the recommended minimum, in ticks, for a value below it.</summary>
        public long? FloorTicks { get; init; }

        /// <summary>MTA007: the recommended maximum, in ticks, for a value above it.</summary>
        public long? CeilingTicks { get; init; }

        /// <summary>MTA005: the option name a misspelled one should become.</summary>
        public string? Suggestion { get; init; }

        /// <summary>MTA006: what was found.</summary>
        public CaProblem CaProblem { get; init; }

        /// <summary>MTA006: the constant CA file the option or certificate names.</summary>
        public string? CaFile { get; init; }

        /// <summary>MTA006: the certificate is all the <c>ClientCertificates</c> value holds, and no validation callback is set beside it.</summary>
        public bool CertificateCanBecomeValidator { get; init; }

        /// <summary>MTA006: the flagged code is inside a type declaration (the BCL fix adds methods to it).</summary>
        public bool InType { get; init; }

        /// <summary>
        /// MTA011: the user info to percent-encode, as a span of the literal's value (no replacement text: the fix
        /// encodes the literal's own characters when it runs, so the password never travels in the diagnostic or SARIF).
        /// </summary>
        public LiteralEdit? EncodeUserInfoEdit { get; init; }

        /// <summary>MTA001/MTA002: where the hard-coded value stands.</summary>
        public ValueShape Shape { get; init; }

        /// <summary>MTA001/MTA002: what the hard-coded value is.</summary>
        public SecretKind Secret { get; init; }

        public ImmutableDictionary<string, string?> ToProperties()
        {
            var builder = ImmutableDictionary.CreateBuilder<string, string?>();
            Put(builder, nameof(Setting), Setting);
            Put(builder, nameof(Guard), Guard);
            Put(builder, nameof(Environment), Environment);
            Put(builder, nameof(Sink), Sink);
            if (SinkSpan is { } span)
            {
                builder[nameof(SinkSpan)] = new LiteralEdit(span.Start, span.Length, string.Empty).Encode();
            }

            Put(builder, nameof(SettingsUsedLater), SettingsUsedLater);
            Put(builder, nameof(RemoveEdit), RemoveEdit);
            Put(builder, nameof(ReplaceEdit), ReplaceEdit);
            Put(builder, nameof(EnableTlsEdit), EnableTlsEdit);
            Put(builder, nameof(EnableTlsAndRemoveEdit), EnableTlsAndRemoveEdit);
            if (PieceSpan is { } piece)
            {
                builder[nameof(PieceSpan)] = new LiteralEdit(piece.Start, piece.Length, string.Empty).Encode();
            }

            Put(builder, nameof(EncodeUserInfoEdit), EncodeUserInfoEdit);
            Put(builder, nameof(ExplicitTlsOff), ExplicitTlsOff);
            Put(builder, nameof(CanEnableTlsBefore), CanEnableTlsBefore);
            Put(builder, nameof(EnableTlsOnEnclosingSettings), EnableTlsOnEnclosingSettings);
            Put(builder, nameof(ReplaceableCallback), ReplaceableCallback);
            Put(builder, nameof(ConvertibleInPlace), ConvertibleInPlace);
            if (FloorTicks is { } ticks)
            {
                builder[nameof(FloorTicks)] = ticks.ToString(CultureInfo.InvariantCulture);
            }

            if (CeilingTicks is { } ceilingTicks)
            {
                builder[nameof(CeilingTicks)] = ceilingTicks.ToString(CultureInfo.InvariantCulture);
            }

            Put(builder, nameof(Suggestion), Suggestion);
            Put(builder, nameof(CaProblem), CaProblem);
            Put(builder, nameof(CaFile), CaFile);
            Put(builder, nameof(CertificateCanBecomeValidator), CertificateCanBecomeValidator);
            Put(builder, nameof(InType), InType);
            Put(builder, nameof(Shape), Shape);
            Put(builder, nameof(Secret), Secret);
            return builder.ToImmutable();
        }

        /// <summary>The facts of <paramref name="diagnostic"/>; a value a newer or older analyzer wrote that this one cannot read is left at its default.</summary>
        public static FixFacts Of(Diagnostic diagnostic) => From(diagnostic.Properties);

        public static FixFacts From(ImmutableDictionary<string, string?> properties)
        {
            if (properties.IsEmpty)
            {
                return None;
            }

            return new FixFacts
            {
                Setting = ParseEnum<SettingForm>(properties, nameof(Setting)),
                Guard = ParseEnum<GuardForm>(properties, nameof(Guard)),
                Environment = Text(properties, nameof(Environment)),
                Sink = ParseEnum<SinkKind>(properties, nameof(Sink)),
                SinkSpan = Edit(properties, nameof(SinkSpan)) is { } span ? new TextSpan(span.Start, span.Length) : null,
                SettingsUsedLater = Flag(properties, nameof(SettingsUsedLater)),
                RemoveEdit = Edit(properties, nameof(RemoveEdit)),
                ReplaceEdit = Edit(properties, nameof(ReplaceEdit)),
                EnableTlsEdit = Edit(properties, nameof(EnableTlsEdit)),
                EnableTlsAndRemoveEdit = Edit(properties, nameof(EnableTlsAndRemoveEdit)),
                PieceSpan = Edit(properties, nameof(PieceSpan)) is { } piece ? new TextSpan(piece.Start, piece.Length) : null,
                EncodeUserInfoEdit = Edit(properties, nameof(EncodeUserInfoEdit)),
                ExplicitTlsOff = Flag(properties, nameof(ExplicitTlsOff)),
                CanEnableTlsBefore = Flag(properties, nameof(CanEnableTlsBefore)),
                EnableTlsOnEnclosingSettings = Flag(properties, nameof(EnableTlsOnEnclosingSettings)),
                ReplaceableCallback = Flag(properties, nameof(ReplaceableCallback)),
                ConvertibleInPlace = Flag(properties, nameof(ConvertibleInPlace)),
                FloorTicks = Ticks(properties, nameof(FloorTicks)),
                CeilingTicks = Ticks(properties, nameof(CeilingTicks)),
                Suggestion = Text(properties, nameof(Suggestion)),
                CaProblem = ParseEnum<CaProblem>(properties, nameof(CaProblem)),
                CaFile = Text(properties, nameof(CaFile)),
                CertificateCanBecomeValidator = Flag(properties, nameof(CertificateCanBecomeValidator)),
                InType = Flag(properties, nameof(InType)),
                Shape = ParseEnum<ValueShape>(properties, nameof(Shape)),
                Secret = ParseEnum<SecretKind>(properties, nameof(Secret)),
            };
        }

        private static void Put<TEnum>(ImmutableDictionary<string, string?>.Builder builder, string key, TEnum value)
            where TEnum : struct, Enum
        {
            if (!EqualityComparer<TEnum>.Default.Equals(value, default))
            {
                builder[key] = EnumNames<TEnum>.Of(value);
            }
        }

        /// <summary>
        /// Each value's name, computed once per enum: <see cref="Enum.ToString()"/> looks the name up by reflection on
        /// every call, and every reported diagnostic writes several.
        /// </summary>
        private static class EnumNames<TEnum>
            where TEnum : struct, Enum
        {
            private static readonly ConcurrentDictionary<TEnum, string> Names = new ConcurrentDictionary<TEnum, string>();

            public static string Of(TEnum value) => Names.GetOrAdd(value, static v => v.ToString());
        }

        private static void Put(ImmutableDictionary<string, string?>.Builder builder, string key, string? value)
        {
            if (value is not null)
            {
                builder[key] = value;
            }
        }

        private static void Put(ImmutableDictionary<string, string?>.Builder builder, string key, LiteralEdit? value)
        {
            if (value is { } edit)
            {
                builder[key] = edit.Encode();
            }
        }

        private static void Put(ImmutableDictionary<string, string?>.Builder builder, string key, bool value)
        {
            if (value)
            {
                builder[key] = "true";
            }
        }

        private static string? Text(ImmutableDictionary<string, string?> properties, string key) =>
            properties.TryGetValue(key, out var value) ? value : null;

        private static long? Ticks(ImmutableDictionary<string, string?> properties, string key) =>
            Text(properties, key) is { } ticks && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

        private static bool Flag(ImmutableDictionary<string, string?> properties, string key) => Text(properties, key) == "true";

        private static LiteralEdit? Edit(ImmutableDictionary<string, string?> properties, string key) =>
            LiteralEdit.TryDecode(Text(properties, key), out var edit) ? edit : null;

        private static TEnum ParseEnum<TEnum>(ImmutableDictionary<string, string?> properties, string key)
            where TEnum : struct, Enum =>
            Enum.TryParse<TEnum>(Text(properties, key), ignoreCase: false, out var value) && Enum.IsDefined(typeof(TEnum), value) ? value : default;
    }
}
