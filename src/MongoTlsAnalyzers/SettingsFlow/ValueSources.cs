using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.Folding;

namespace MongoTlsAnalyzers.SettingsFlow
{
    /// <summary>
    /// Finds where a non-constant value comes from (docs/rules/MTA004): configuration (<c>GetValue</c>, the indexer,
    /// sections), an options object, an environment variable, a parameter, a field or property of any type (the
    /// class's own included, read through <c>this</c> or unqualified) or a method of the code base — looking through
    /// parsing, comparisons, negation, <c>??</c>, <c>?:</c> and symbols assigned once. Returns null for constants, the
    /// host environment, the framework (<c>System.*</c>) and the driver (<c>MongoDB.*</c>), and for locals assigned
    /// more than once: their origin is not one thing to name.
    /// </summary>
    internal static class ValueSources
    {
        private const int MaxDepth = 8;

        public static ValueSource? Find(IOperation value, ConstantFolder folder, CancellationToken cancellationToken) =>
            Find(value, folder, cancellationToken, 0);

        private static ValueSource? Find(IOperation value, ConstantFolder folder, CancellationToken cancellationToken, int depth)
        {
            if (depth > MaxDepth)
            {
                return null;
            }

            switch (value)
            {
                case IConversionOperation conversion:
                    return Find(conversion.Operand, folder, cancellationToken, depth + 1);
                case IParenthesizedOperation parenthesized:
                    return Find(parenthesized.Operand, folder, cancellationToken, depth + 1);
                case IUnaryOperation unary:
                    return Find(unary.Operand, folder, cancellationToken, depth + 1);
                case ICoalesceOperation coalesce:
                    return Find(coalesce.Value, folder, cancellationToken, depth + 1);
                case IConditionalAccessOperation conditionalAccess:
                    return Find(conditionalAccess.WhenNotNull, folder, cancellationToken, depth + 1);
                case IConditionalOperation conditional:
                    return Find(conditional.Condition, folder, cancellationToken, depth + 1);
                case IBinaryOperation binary:
                    // Prefer the operand that names insecurity: env.IsDevelopment() || opts.AllowInsecureTls.
                    var left = Find(binary.LeftOperand, folder, cancellationToken, depth + 1);
                    var right = Find(binary.RightOperand, folder, cancellationToken, depth + 1);
                    return right is { IsAboutInsecurity: true } && left is not { IsAboutInsecurity: true } ? right : left ?? right;
                case IParameterReferenceOperation parameter:
                    return new ValueSource("the parameter '" + parameter.Parameter.Name + "'", parameter.Parameter.Name);
                case IInvocationOperation invocation:
                    return FromInvocation(invocation, folder, cancellationToken, depth);
                case IPropertyReferenceOperation property:
                    return FromProperty(property, folder, cancellationToken);
                case IFieldReferenceOperation field when !field.Field.IsConst:
                    return FromField(field.Field, folder, cancellationToken, depth);
                case ILocalReferenceOperation local:
                    return FromSymbol(local.Local, folder, cancellationToken, depth);
                default:
                    return null;
            }
        }

        /// <summary>
        /// A field assigned once is followed to its value (a constant, or a guard, is then no source); a field assigned
        /// elsewhere, several times or never in the compilation (bound by a container or a serializer) is the source.
        /// </summary>
        private static ValueSource? FromField(IFieldSymbol field, ConstantFolder folder, CancellationToken cancellationToken, int depth)
        {
            if (IsOptionsType(field.ContainingType))
            {
                return FromSymbol(field, folder, cancellationToken, depth) ?? Member(field.ContainingType, field.Name);
            }

            if (IsFrameworkOrDriver(field.ContainingType))
            {
                return null;
            }

            if (folder.Assignments.GetSingleAssignedValue(field, cancellationToken) is not null)
            {
                return FromSymbol(field, folder, cancellationToken, depth);
            }

            return new ValueSource("the field '" + field.ContainingType.Name + "." + field.Name + "'", field.Name, isCodeMember: true);
        }

        private static ValueSource? FromSymbol(ISymbol symbol, ConstantFolder folder, CancellationToken cancellationToken, int depth)
        {
            var assigned = folder.Assignments.GetSingleAssignedValue(symbol, cancellationToken);
            var operation = assigned is null ? null : folder.GetOperation(assigned, cancellationToken);
            return operation is null ? null : Find(operation, folder, cancellationToken, depth + 1);
        }

        private static ValueSource? FromInvocation(IInvocationOperation invocation, ConstantFolder folder, CancellationToken cancellationToken, int depth)
        {
            var method = invocation.TargetMethod;
            var owner = method.ContainingType?.Name;

            // env.IsDevelopment() and friends describe the host, not configuration.
            var receiverType = method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value.Type : invocation.Instance?.Type;
            if (receiverType?.Name is "IHostEnvironment" or "IWebHostEnvironment" or "IHostingEnvironment"
                || (receiverType is not null && IsHostEnvironment(receiverType)))
            {
                return null;
            }

            // Environment.GetEnvironmentVariable("NAME")
            if (method.Name == "GetEnvironmentVariable" && owner == "Environment" && invocation.Arguments.Length > 0)
            {
                var name = Constant(invocation.Arguments[0].Value, folder, cancellationToken) ?? "?";
                return new ValueSource("the environment variable '" + name + "'", name);
            }

            // configuration.GetValue<bool>("Key"), configuration.GetSection("Key").Get<bool>(), GetConnectionString
            if (IsConfigurationType(invocation.Arguments.Length > 0 && method.IsExtensionMethod ? invocation.Arguments[0].Value.Type : invocation.Instance?.Type)
                || owner == "ConfigurationBinder")
            {
                var keyArgument = method.IsExtensionMethod || method.IsStatic
                    ? (invocation.Arguments.Length > 1 ? invocation.Arguments[1].Value : null)
                    : (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                var key = keyArgument is null ? null : Constant(keyArgument, folder, cancellationToken);
                var prefix = SectionPath(method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : invocation.Instance, folder, cancellationToken);
                var full = Combine(prefix, key);
                if (full is not null)
                {
                    return new ValueSource("the configuration key '" + full + "'", full);
                }

                return new ValueSource("configuration", method.Name);
            }

            // ShouldSkipVerification(), _flags.IsInsecure(): a method of the code base or of a library is the source;
            // a framework method (bool.Parse, string.Equals) only passes on what it was given.
            if (!IsFrameworkOrDriver(method.ContainingType))
            {
                return new ValueSource("the result of '" + method.ContainingType!.Name + "." + method.Name + "()'", method.Name, isCodeMember: true);
            }

            // bool.Parse(x), Convert.ToBoolean(x), string.Equals(x, "true"), x.Equals("true")
            foreach (var argument in invocation.Arguments)
            {
                var source = Find(argument.Value, folder, cancellationToken, depth + 1);
                if (source is not null)
                {
                    return source;
                }
            }

            return invocation.Instance is null ? null : Find(invocation.Instance, folder, cancellationToken, depth + 1);
        }

        private static ValueSource? FromProperty(IPropertyReferenceOperation property, ConstantFolder folder, CancellationToken cancellationToken)
        {
            var symbol = property.Property;

            // configuration["Key"], section["Key"]
            if (symbol.IsIndexer && IsConfigurationType(symbol.ContainingType) && property.Arguments.Length == 1)
            {
                var key = Combine(SectionPath(property.Instance, folder, cancellationToken), Constant(property.Arguments[0].Value, folder, cancellationToken)) ?? "?";
                return new ValueSource("the configuration key '" + key + "'", key);
            }

            // section.Value
            if (symbol.Name == "Value" && IsConfigurationType(symbol.ContainingType))
            {
                var key = SectionPath(property.Instance, folder, cancellationToken) ?? "?";
                return new ValueSource("the configuration key '" + key + "'", key);
            }

            // options.Value.AllowInsecureTls, _settings.SkipVerify, parameter.Insecure
            if (property.Instance is { } instance)
            {
                var root = instance;
                while (root is IPropertyReferenceOperation { Instance: { } inner } && !IsOptionsType(root.Type))
                {
                    root = inner;
                }

                if (IsOptionsType(symbol.ContainingType) || IsOptionsType(instance.Type) || IsOptionsWrapper(instance))
                {
                    return Member(symbol.ContainingType, symbol.Name);
                }

                if (Unwrap(instance) is IParameterReferenceOperation parameter)
                {
                    return new ValueSource("the parameter '" + parameter.Parameter.Name + "." + symbol.Name + "'", symbol.Name);
                }
            }
            else if (IsOptionsType(symbol.ContainingType))
            {
                // AppSettings.AllowInsecureTls
                return Member(symbol.ContainingType, symbol.Name);
            }

            // AllowInsecureTLS and this.AllowInsecureTLS in the class itself, Flags.TrustAnyCertificate, _settings.SkipVerify:
            // a property of the code base or of a library, not of the framework, the driver or the host environment.
            if (IsFrameworkOrDriver(symbol.ContainingType) || IsHostEnvironment(symbol.ContainingType) || symbol.ContainingType.Name is "IHostEnvironment" or "IWebHostEnvironment" or "IHostingEnvironment")
            {
                return null;
            }

            return new ValueSource("the property '" + symbol.ContainingType.Name + "." + symbol.Name + "'", symbol.Name, isCodeMember: true);
        }

        /// <summary>A type of the framework (<c>System.*</c>, <c>Microsoft.*</c>) or of the driver (<c>MongoDB.*</c>): it holds no application setting of its own.</summary>
        private static bool IsFrameworkOrDriver(ITypeSymbol? type)
        {
            if (type is null)
            {
                return true;
            }

            var root = type.ContainingNamespace;
            while (root is { ContainingNamespace.IsGlobalNamespace: false })
            {
                root = root.ContainingNamespace;
            }

            return root is not null && !root.IsGlobalNamespace && root.Name is "System" or "Microsoft" or "MongoDB";
        }

        private static bool IsHostEnvironment(ITypeSymbol type)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (implemented.Name is "IHostEnvironment" or "IHostingEnvironment")
                {
                    return true;
                }
            }

            return false;
        }

        private static ValueSource Member(ITypeSymbol type, string member) =>
            new ValueSource("the option '" + type.Name + "." + member + "'", member);

        /// <summary>The section path of <c>configuration.GetSection("A").GetSection("B")</c>, or null.</summary>
        private static string? SectionPath(IOperation? operation, ConstantFolder folder, CancellationToken cancellationToken)
        {
            if (operation is null)
            {
                return null;
            }

            operation = Unwrap(operation);
            if (operation is IInvocationOperation { TargetMethod.Name: "GetSection" or "GetRequiredSection" } section)
            {
                var keyArgument = section.TargetMethod.IsExtensionMethod ? (section.Arguments.Length > 1 ? section.Arguments[1].Value : null) : (section.Arguments.Length > 0 ? section.Arguments[0].Value : null);
                var parentOperation = section.TargetMethod.IsExtensionMethod ? (section.Arguments.Length > 0 ? section.Arguments[0].Value : null) : section.Instance;
                return Combine(SectionPath(parentOperation, folder, cancellationToken), keyArgument is null ? null : Constant(keyArgument, folder, cancellationToken));
            }

            return null;
        }

        private static string? Combine(string? prefix, string? key) =>
            key is null ? prefix : prefix is null ? key : prefix + ":" + key;

        private static string? Constant(IOperation operation, ConstantFolder folder, CancellationToken cancellationToken)
        {
            var folded = folder.Fold(operation, cancellationToken);
            return folded.HasHoles ? null : folded.Value;
        }

        private static IOperation Unwrap(IOperation operation) =>
            operation is IConversionOperation conversion ? Unwrap(conversion.Operand) : operation;

        private static bool IsConfigurationType(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (type.Name is "IConfiguration" or "IConfigurationSection" or "IConfigurationRoot" or "IConfigurationManager")
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (implemented.Name == "IConfiguration")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>IOptions&lt;T&gt;.Value</c>, <c>IOptionsMonitor&lt;T&gt;.CurrentValue</c>, <c>IOptionsSnapshot&lt;T&gt;.Value</c>.</summary>
        private static bool IsOptionsWrapper(IOperation instance) =>
            Unwrap(instance) is IPropertyReferenceOperation { Property: { Name: "Value" or "CurrentValue" } wrapper }
            && wrapper.ContainingType.Name is "IOptions" or "IOptionsMonitor" or "IOptionsSnapshot" or "OptionsWrapper";

        /// <summary>A type that holds settings bound from configuration, judged by its name.</summary>
        private static bool IsOptionsType(ITypeSymbol? type)
        {
            var name = type?.Name;
            return name is not null
                && (name.EndsWith("Options", StringComparison.Ordinal)
                    || name.EndsWith("Settings", StringComparison.Ordinal)
                    || name.EndsWith("Config", StringComparison.Ordinal)
                    || name.EndsWith("Configuration", StringComparison.Ordinal))
                && name != "MongoClientSettings"
                && name != "SslSettings";
        }
    }
}
