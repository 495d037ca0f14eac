using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.Analysis;

namespace MongoTlsAnalyzers.Tls
{
    /// <summary>
    /// MTA006's question for a value written to <c>SslSettings.ClientCertificates</c> (docs/rules/MTA006.md): which
    /// certificates in it were created without a private key from something that is a CA. A certificate loaded from a
    /// <c>.pem</c>, <c>.crt</c> or <c>.cer</c> file is one whatever its name; one created from bytes, a resource, a
    /// one-argument constructor or <c>CreateFromPem</c> with the certificate alone is one when its source is named like
    /// a CA (a word part <c>ca</c>, <c>root</c>, <c>bundle</c>, <c>chain</c>, <c>trust</c> or <c>rds</c>). Followed from
    /// creation to the write through locals, fields and properties, and one call of a method of the compilation; not
    /// through collections or indexers.
    /// </summary>
    internal static class KeylessCaCertificates
    {
        private const int MaxDepth = 4;

        private static readonly HashSet<string> CaWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "ca", "root", "bundle", "chain", "trust", "rds", "cacert", "cacerts", "rootca", "cabundle", "truststore",
        };

        /// <summary>Each keyless CA certificate that <paramref name="value"/> puts in <c>ClientCertificates</c>.</summary>
        public static IEnumerable<KeylessCaCertificate> In(IOperation value, MongoCompilationModel model, CancellationToken cancellationToken)
        {
            var pending = new Stack<(IOperation Operation, int Depth, string? CaName, bool CallFollowed)>();
            var seen = new HashSet<IOperation>();
            pending.Push((value, 0, null, false));
            while (pending.Count > 0)
            {
                var (current, depth, caName, callFollowed) = pending.Pop();
                foreach (var operation in current.DescendantsAndSelf())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (Keyless(operation, model, caName, cancellationToken) is { } found)
                    {
                        if (seen.Add(operation))
                        {
                            yield return found;
                        }

                        continue;
                    }

                    if (depth >= MaxDepth)
                    {
                        continue;
                    }

                    var (symbol, next, isCall) = Follow(operation, model, cancellationToken);
                    if (next is null || (isCall && callFollowed))
                    {
                        continue;
                    }

                    var name = caName ?? (symbol is not null && NamesCa(symbol.Name) ? symbol.Name : null);
                    foreach (var operationToFollow in next)
                    {
                        pending.Push((operationToFollow, depth + 1, name, callFollowed || isCall));
                    }
                }
            }
        }

        /// <summary>A certificate made without its key by <paramref name="operation"/>, when it is a CA one.</summary>
        private static KeylessCaCertificate? Keyless(IOperation operation, MongoCompilationModel model, string? caName, CancellationToken cancellationToken)
        {
            IOperation? source = operation switch
            {
                IObjectCreationOperation { Type.Name: "X509Certificate2" or "X509Certificate", Arguments.Length: 1 } creation
                    when IsCertificateType(creation.Type) => creation.Arguments[0].Value,
                IInvocationOperation { TargetMethod: { Name: "CreateFromCertFile" or "LoadCertificateFromFile" or "LoadCertificate" or "CreateFromPem", Parameters.Length: 1 } method } invocation
                    when IsCertificateType(method.ContainingType) || method.ContainingType.Name == "X509CertificateLoader" => invocation.Arguments[0].Value,
                _ => null,
            };

            if (source is null)
            {
                return null;
            }

            var file = ConstantFile(source, model, cancellationToken);
            if (file is not null && HasKeyExtension(file))
            {
                return null;
            }

            if (file is not null && HasCertificateExtension(file))
            {
                return new KeylessCaCertificate(operation, file, file);
            }

            var name = caName ?? CaNameIn(source);
            return name is null ? null : new KeylessCaCertificate(operation, name, file);
        }

        /// <summary>What <paramref name="operation"/> reads that may hold a certificate: a local's, field's or property's value, or a method's returns.</summary>
        private static (ISymbol? Symbol, IEnumerable<IOperation>? Next, bool IsCall) Follow(IOperation operation, MongoCompilationModel model, CancellationToken cancellationToken)
        {
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return (local.Local, Single(model.Folder.Assignments.GetSingleAssignedValue(local.Local, cancellationToken), model, cancellationToken), false);
                case IFieldReferenceOperation field when IsCertificateType(field.Type):
                    return (field.Field, Single(model.Folder.Assignments.GetSingleAssignedValue(field.Field, cancellationToken), model, cancellationToken), false);
                case IPropertyReferenceOperation property when IsCertificateType(property.Type):
                    return (property.Property, PropertyValue(property.Property, model, cancellationToken), false);
                case IInvocationOperation invocation when IsCertificateType(invocation.Type) && invocation.TargetMethod.DeclaringSyntaxReferences.Length == 1:
                    return (invocation.TargetMethod, Returns(invocation.TargetMethod, model, cancellationToken), true);
                default:
                    return (null, null, false);
            }
        }

        private static IEnumerable<IOperation>? Single(ExpressionSyntax? value, MongoCompilationModel model, CancellationToken cancellationToken) =>
            value is not null && model.Folder.GetOperation(value, cancellationToken) is { } operation ? new[] { operation } : null;

        private static IEnumerable<IOperation>? PropertyValue(IPropertySymbol property, MongoCompilationModel model, CancellationToken cancellationToken)
        {
            if (property.DeclaringSyntaxReferences.Length != 1 || property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not PropertyDeclarationSyntax declaration)
            {
                return null;
            }

            var value = declaration.Initializer?.Value ?? declaration.ExpressionBody?.Expression;
            return Single(value, model, cancellationToken);
        }

        private static IEnumerable<IOperation>? Returns(IMethodSymbol method, MongoCompilationModel model, CancellationToken cancellationToken)
        {
            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (syntax is MethodDeclarationSyntax { ExpressionBody.Expression: { } expression })
            {
                return Single(expression, model, cancellationToken);
            }

            if (syntax is not MethodDeclarationSyntax { Body: { } body } || model.Folder.GetOperation(body, cancellationToken) is not { } bodyOperation)
            {
                return null;
            }

            var values = new List<IOperation>();
            foreach (var descendant in bodyOperation.Descendants())
            {
                if (descendant is IReturnOperation { ReturnedValue: { } returned })
                {
                    values.Add(returned);
                }
            }

            return values;
        }

        /// <summary>The file a source reads when that is a constant: the path itself, or the path given to <c>File.ReadAllBytes</c>/<c>ReadAllText</c>.</summary>
        private static string? ConstantFile(IOperation source, MongoCompilationModel model, CancellationToken cancellationToken)
        {
            var path = source switch
            {
                _ when source.Type?.SpecialType == SpecialType.System_String && source is not IInvocationOperation => source,
                IInvocationOperation { TargetMethod: { Name: "ReadAllBytes" or "ReadAllText", ContainingType.Name: "File" }, Arguments.Length: >= 1 } read => read.Arguments[0].Value,
                _ => null,
            };

            if (path is null)
            {
                return null;
            }

            var folded = model.Folder.Fold(path, cancellationToken);
            return folded.HasHoles ? null : folded.Value;
        }

        /// <summary>
        /// The first name in <paramref name="source"/> that says CA: a string constant (a path, resource name or
        /// configuration key), or a local, parameter, field, property or method declared in this compilation. Framework
        /// names (<c>ContentRootPath</c>) do not count: they say nothing about the certificate.
        /// </summary>
        private static string? CaNameIn(IOperation source)
        {
            foreach (var operation in source.DescendantsAndSelf())
            {
                var name = operation switch
                {
                    ILiteralOperation { ConstantValue.Value: string text } => text,
                    IFieldReferenceOperation { Field.IsConst: true } constant when constant.ConstantValue.Value is string text => text,
                    ILocalReferenceOperation local => local.Local.Name,
                    IParameterReferenceOperation parameter => parameter.Parameter.Name,
                    IFieldReferenceOperation field when field.Field.DeclaringSyntaxReferences.Length > 0 => field.Field.Name,
                    IPropertyReferenceOperation property when property.Property.DeclaringSyntaxReferences.Length > 0 => property.Property.Name,
                    IInvocationOperation invocation when invocation.TargetMethod.DeclaringSyntaxReferences.Length > 0 => invocation.TargetMethod.Name,
                    _ => null,
                };

                if (name is not null && NamesCa(name))
                {
                    return name;
                }
            }

            return null;
        }

        /// <summary>True when a word part of <paramref name="name"/> (split at punctuation, case changes and digits) is a CA word.</summary>
        internal static bool NamesCa(string name)
        {
            var i = 0;
            while (i < name.Length)
            {
                if (!char.IsLetterOrDigit(name[i]))
                {
                    i++;
                    continue;
                }

                var end = i + 1;
                while (end < name.Length && char.IsLetterOrDigit(name[end]) && !IsCaseBoundary(name, end))
                {
                    end++;
                }

                if (IsCaWord(name, i, end - i))
                {
                    return true;
                }

                i = end;
            }

            return false;
        }

        // fooBar | FOOBar (the last capital starts the next word) | foo1
        private static bool IsCaseBoundary(string name, int i)
        {
            var previous = name[i - 1];
            var current = name[i];
            return (char.IsLower(previous) && char.IsUpper(current))
                || (char.IsUpper(previous) && char.IsUpper(current) && i + 1 < name.Length && char.IsLower(name[i + 1]))
                || (char.IsDigit(previous) != char.IsDigit(current));
        }

        private static bool IsCaWord(string name, int start, int length)
        {
            if (length > 10 || !char.IsLetter(name[start]))
            {
                return false;
            }

            return CaWords.Contains(name.Substring(start, length).ToLowerInvariant());
        }

        private static bool HasCertificateExtension(string file) =>
            file.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".crt", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".cer", StringComparison.OrdinalIgnoreCase);

        private static bool HasKeyExtension(string file) =>
            file.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".p12", StringComparison.OrdinalIgnoreCase);

        private static bool IsCertificateType(ITypeSymbol? type) =>
            type is INamedTypeSymbol { Name: "X509Certificate2" or "X509Certificate", ContainingNamespace.Name: "X509Certificates" };
    }
}
