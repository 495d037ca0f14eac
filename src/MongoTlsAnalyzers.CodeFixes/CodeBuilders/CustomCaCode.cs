using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace MongoTlsAnalyzers.CodeFixes.CodeBuilders
{
    /// <summary>
    /// The code MTA006's fix writes to trust a private CA (docs/architecture.md "Fixes"): the runtime helper's
    /// <c>CustomCaCertificateValidator</c> when it is referenced, otherwise two small private methods on the
    /// containing type, with plain BCL code that compiles on .NET 5 and later: an <c>X509Chain</c> with
    /// <c>CustomRootTrust</c> over the CA file, keeping every error but chain errors fatal.
    /// </summary>
    internal static class CustomCaCode
    {
        public const string HelperNamespace = "MongoTlsAnalyzers.Settings";
        public const string ValidatorMethod = "ValidateWithCustomCa";
        public const string SettingsMethod = "TrustCustomCa";

        /// <summary>A <c>RemoteCertificateValidationCallback</c> expression that trusts the CA at <paramref name="caFile"/>.</summary>
        public static ExpressionSyntax Validator(bool helper, ExpressionSyntax caFile) =>
            helper
                ? SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    Call(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName("CustomCaCertificateValidator"), SyntaxFactory.IdentifierName("FromPemFile")), caFile),
                    SyntaxFactory.IdentifierName("Validate"))
                : Call(SyntaxFactory.IdentifierName(ValidatorMethod), caFile);

        /// <summary><paramref name="settings"/> with the CA at <paramref name="caFile"/> trusted.</summary>
        public static ExpressionSyntax SettingsWithCa(bool helper, ExpressionSyntax settings, ExpressionSyntax caFile) =>
            helper
                ? Call(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, settings, SyntaxFactory.IdentifierName("WithCustomCa")), caFile)
                : Call(SyntaxFactory.IdentifierName(SettingsMethod), settings, caFile);

        /// <summary><c>MongoClientSettings.FromConnectionString(<paramref name="connectionString"/>)</c>.</summary>
        public static ExpressionSyntax FromConnectionString(ExpressionSyntax connectionString) =>
            Call(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName("MongoClientSettings"), SyntaxFactory.IdentifierName("FromConnectionString")), connectionString);

        private static InvocationExpressionSyntax Call(ExpressionSyntax target, params ExpressionSyntax[] arguments) =>
            SyntaxFactory.InvocationExpression(target, SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(Array.ConvertAll(arguments, a => SyntaxFactory.Argument(a)))));

        /// <summary>Adds the BCL helper methods to <paramref name="type"/> unless it already has them.</summary>
        public static TypeDeclarationSyntax AddBclMethods(TypeDeclarationSyntax type, bool needsSettingsMethod)
        {
            var names = type.Members.OfType<MethodDeclarationSyntax>().Select(m => m.Identifier.ValueText).ToList();
            if (!names.Contains(ValidatorMethod))
            {
                type = type.AddMembers(Parse(ValidatorSource));
            }

            if (needsSettingsMethod && !names.Contains(SettingsMethod))
            {
                type = type.AddMembers(Parse(SettingsSource));
            }

            return type;
        }

        /// <summary>
        /// Top-level statements have no type to hold the methods: the same code goes in as static local functions after
        /// the last top-level statement (where a top-level program may declare them), unless they are there already.
        /// </summary>
        public static CompilationUnitSyntax AddBclLocalFunctions(CompilationUnitSyntax unit, bool needsSettingsMethod)
        {
            var names = unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).OfType<LocalFunctionStatementSyntax>().Select(f => f.Identifier.ValueText).ToList();
            var last = unit.Members.LastOrDefault(m => m is GlobalStatementSyntax);
            if (last is null)
            {
                return unit;
            }

            var added = new List<MemberDeclarationSyntax>();
            if (!names.Contains(ValidatorMethod))
            {
                added.Add(LocalFunction(ValidatorSource));
            }

            if (needsSettingsMethod && !names.Contains(SettingsMethod))
            {
                added.Add(LocalFunction(SettingsSource));
            }

            return added.Count == 0 ? unit : unit.WithMembers(unit.Members.InsertRange(unit.Members.IndexOf(last) + 1, added));
        }

        /// <summary>A method of the sources below as a static local function: no access modifier, a plain comment for the XML one.</summary>
        private static GlobalStatementSyntax LocalFunction(string methodSource)
        {
            var source = methodSource
                .Replace("/// <summary>", "// ")
                .Replace("</summary>", string.Empty)
                .Replace("<paramref name=\"settings\"/>", "settings")
                .Replace("private static ", "static ");
            var function = (LocalFunctionStatementSyntax)SyntaxFactory.ParseStatement(source.TrimStart('\r', '\n'));
            return SyntaxFactory.GlobalStatement(function)
                .WithLeadingTrivia(SyntaxFactory.ParseLeadingTrivia(Environment.NewLine).AddRange(function.GetLeadingTrivia()))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        public static readonly string[] BclNamespaces = { "System.Net.Security", "System.Security.Cryptography.X509Certificates", "MongoDB.Driver" };

        private static MemberDeclarationSyntax Parse(string source) =>
            SyntaxFactory.ParseMemberDeclaration(source)!.WithAdditionalAnnotations(Formatter.Annotation);

        private const string ValidatorSource = @"
/// <summary>Trusts the CA certificates in a PEM file for the server's certificate; every other check stays fatal.</summary>
private static RemoteCertificateValidationCallback ValidateWithCustomCa(string caFile)
{
    var trustedRoots = new X509Certificate2Collection();
    trustedRoots.ImportFromPemFile(caFile);
    if (trustedRoots.Count == 0)
    {
        throw new System.InvalidOperationException($""No PEM certificate found in '{caFile}'."");
    }

    return (sender, certificate, chain, errors) =>
    {
        // Only chain errors may be overruled, and only by a chain that ends at the configured CA.
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var customChain = new X509Chain();
        customChain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        customChain.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        customChain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            // The intermediates the server sent, so a certificate issued by an intermediate CA still chains.
            foreach (var element in chain.ChainElements)
            {
                customChain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return customChain.Build(new X509Certificate2(certificate));
    };
}
";

        private const string SettingsSource = @"
/// <summary>Makes <paramref name=""settings""/> trust the CA certificates in a PEM file.</summary>
private static MongoClientSettings TrustCustomCa(MongoClientSettings settings, string caFile)
{
    // Clone keeps what the connection string set (revocation checks, protocols).
    var sslSettings = settings.SslSettings?.Clone() ?? new SslSettings();
    sslSettings.ServerCertificateValidationCallback = ValidateWithCustomCa(caFile);
    settings.SslSettings = sslSettings;
    return settings;
}
";
    }
}
