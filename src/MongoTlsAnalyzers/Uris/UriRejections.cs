using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.ConnectionStrings;

namespace MongoTlsAnalyzers.Uris
{
    /// <summary>
    /// MTA011's verdict for a URI in source: the model's <see cref="DriverRejections"/> at the layer of the sink the URI
    /// is handed to. Every URI-text rule asks <see cref="IsRejected"/> so that a rejected URI gets MTA011 alone (MTA001
    /// excepted: a leaked password is a leak whether or not the driver accepts the text).
    /// </summary>
    internal static class UriRejections
    {
        /// <summary>Why the driver refuses <paramref name="site"/>'s URI on its way in at <paramref name="root"/>, when the constant text proves it.</summary>
        public static UriRejection? Of(UriSite site, IOperation root, MongoCompilationModel model, out string? sink)
        {
            // Up to nine rules ask about one URI: the sink is looked up once per site.
            var answer = site.Sink ??= new SinkAnswer(LayerOf(root, model.Types, out var found), found);
            var layer = answer.Layer;
            sink = answer.Sink;
            // A piece appended under a condition may be absent: the text does not prove what the driver receives.
            return site.IsConditionallyAssembled ? null : DriverRejections.FindProven(site.Uri, layer, model.Profile);
        }

        /// <summary>True when the other URI-text rules leave this URI to MTA011 (or to the driver's own loud failure).</summary>
        public static bool IsRejected(UriSite site, IOperation root, MongoCompilationModel model) =>
            site.Uri.HasDriverErrors || Of(site, root, model, out _) is not null;

        /// <summary>
        /// The layer of the driver call <paramref name="root"/> is the connection-string argument of, with the call's name
        /// for messages; <see cref="DriverLayer.ConnectionString"/> when it reaches no sink here.
        /// </summary>
        public static DriverLayer LayerOf(IOperation root, DriverTypes types, out string? sink)
        {
            sink = null;
            var argument = root.Parent;
            while (argument is IConversionOperation or IParenthesizedOperation)
            {
                argument = argument.Parent;
            }

            // var uri = "mongodb://..."; ... new MongoClient(uri): the URI reaches the sink through a local of the member.
            if (argument is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                return LayerThroughLocal(root, declarator.Symbol, types, out sink);
            }

            return LayerOfArgument(argument, types, out sink);
        }

        /// <summary>The layer of the first sink, in source order, that a local initialised with the URI is handed to in the same member.</summary>
        private static DriverLayer LayerThroughLocal(IOperation root, ILocalSymbol local, DriverTypes types, out string? sink)
        {
            sink = null;
            if (local.Type?.SpecialType != SpecialType.System_String)
            {
                return DriverLayer.ConnectionString;
            }

            var member = root;
            while (member.Parent is { } parent)
            {
                member = parent;
            }

            ILocalReferenceOperation? first = null;
            foreach (var operation in member.Descendants())
            {
                if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    continue;
                }

                if (reference.Parent is IAssignmentOperation assignment && assignment.Target == reference)
                {
                    // Assigned again: which text reaches the sink is not known from here.
                    return DriverLayer.ConnectionString;
                }

                if (first is null || reference.Syntax.SpanStart < first.Syntax.SpanStart)
                {
                    var layer = LayerOfArgument(reference.Parent is IConversionOperation conversion ? conversion.Parent : reference.Parent, types, out _);
                    if (layer != DriverLayer.ConnectionString)
                    {
                        first = reference;
                    }
                }
            }

            return first is null ? DriverLayer.ConnectionString : LayerOfArgument(first.Parent is IConversionOperation c ? c.Parent : first.Parent, types, out sink);
        }

        private static DriverLayer LayerOfArgument(IOperation? argument, DriverTypes types, out string? sink)
        {
            sink = null;
            if (argument is not IArgumentOperation { Parent: var call } || argument.Syntax is not ArgumentSyntax)
            {
                return DriverLayer.ConnectionString;
            }

            switch (call)
            {
                case IObjectCreationOperation creation when types.Is(creation.Type, DriverType.MongoClient):
                    sink = "new MongoClient";
                    return DriverLayer.ClientSettings;
                case IObjectCreationOperation creation when types.Is(creation.Type, DriverType.MongoUrl):
                    sink = "new MongoUrl";
                    return DriverLayer.MongoUrl;
                case IObjectCreationOperation creation when types.Is(creation.Type, DriverType.MongoUrlBuilder):
                    sink = "new MongoUrlBuilder";
                    return DriverLayer.MongoUrlBuilder;
                case IInvocationOperation { TargetMethod: { Name: "FromConnectionString" } method } when types.Is(method.ContainingType, DriverType.MongoClientSettings):
                    sink = "MongoClientSettings.FromConnectionString";
                    return DriverLayer.ClientSettings;
                case IInvocationOperation { TargetMethod: { Name: "Create" } method } when types.Is(method.ContainingType, DriverType.MongoUrl):
                    sink = "MongoUrl.Create";
                    return DriverLayer.MongoUrl;
                default:
                    return DriverLayer.ConnectionString;
            }
        }
    }
}
