using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.CodeFixes.CodeBuilders
{
    /// <summary>
    /// The expressions a fix writes in place of a hard-coded value (docs/architecture.md "Fixes", tiers 2 and 3): a read from
    /// configuration when one is in scope, otherwise from an environment variable; both fail clearly when
    /// the value is missing.
    /// </summary>
    internal static class SecretReads
    {
        public const string ConnectionStringName = "MongoDB";
        public const string ConnectionStringVariable = "MONGODB_URI";

        /// <summary>
        /// The configuration key and environment variable for each kind of value; a connection string under its own name
        /// (<see cref="ConnectionKeys"/>: <c>ConnectionStrings:Reporting</c>, <c>MONGODB_URI_REPORTING</c>).
        /// </summary>
        public static (string ConfigurationKey, string Variable, string Description) Names(SecretKind valueKind, string connectionName = ConnectionStringName) => valueKind switch
        {
            SecretKind.Password => ("MongoDB:Password", "MONGODB_PASSWORD", "MongoDB password"),
            SecretKind.Host => ("MongoDB:Host", "MONGODB_HOST", "MongoDB host"),
            _ => ("ConnectionStrings:" + connectionName, ConnectionKeys.VariableFor(connectionName),
                connectionName == ConnectionStringName ? "MongoDB connection string" : $"'{connectionName}' MongoDB connection string"),
        };

        /// <summary>
        /// <c>(configuration.GetConnectionString("MongoDB") ?? throw ...)</c>, <c>(configuration["MongoDB:Password"] ?? throw ...)</c>
        /// or <c>(Environment.GetEnvironmentVariable("MONGODB_URI") ?? throw ...)</c>. The parentheses are removed
        /// by the simplifier where they are not needed.
        /// </summary>
        public static ExpressionSyntax Create(SecretKind valueKind, ExpressionSyntax? configuration, out bool needsConfigurationImport, string connectionName = ConnectionStringName)
        {
            var (key, variable, description) = Names(valueKind, connectionName);
            ExpressionSyntax read;
            string message;
            needsConfigurationImport = false;
            if (configuration is not null)
            {
                if (valueKind == SecretKind.ConnectionString)
                {
                    read = SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, configuration, SyntaxFactory.IdentifierName("GetConnectionString")),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Literal(connectionName)))));
                    needsConfigurationImport = true;
                    message = $"The connection string '{connectionName}' is not configured; set ConnectionStrings:{connectionName}.";
                }
                else
                {
                    read = SyntaxFactory.ElementAccessExpression(
                        configuration,
                        SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Literal(key)))));
                    message = $"The configuration value '{key}' is not set.";
                }
            }
            else
            {
                read = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.ParseExpression("global::System.Environment.GetEnvironmentVariable").WithAdditionalAnnotations(Simplifier.Annotation),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Literal(variable)))));
                message = $"Set the {variable} environment variable to the {description}.";
            }

            var coalesce = SyntaxFactory.BinaryExpression(SyntaxKind.CoalesceExpression, read, Throw(message));
            return SyntaxFactory.ParenthesizedExpression(coalesce).WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
        }

        /// <summary><c>throw new InvalidOperationException(message)</c>, for the right side of <c>??</c>.</summary>
        public static ThrowExpressionSyntax Throw(string message) =>
            SyntaxFactory.ThrowExpression(
                SyntaxFactory.ObjectCreationExpression(
                    SyntaxFactory.ParseTypeName("global::System.InvalidOperationException").WithAdditionalAnnotations(Simplifier.Annotation),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Literal(message)))),
                    initializer: null));

        /// <summary><c>read ?? throw new InvalidOperationException(message)</c>.</summary>
        public static ExpressionSyntax ReadOrThrow(ExpressionSyntax read, string message) =>
            SyntaxFactory.BinaryExpression(SyntaxKind.CoalesceExpression, read, Throw(message));

        /// <summary>The message for a removed hard-coded fallback.</summary>
        public static string MissingValueMessage(SecretKind valueKind) =>
            $"The {Names(valueKind).Description} is not configured.";

        private static LiteralExpressionSyntax Literal(string text) =>
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));
    }
}
