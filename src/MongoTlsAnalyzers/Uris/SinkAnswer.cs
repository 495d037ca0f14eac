using MongoTlsAnalyzers.ConnectionStrings;

namespace MongoTlsAnalyzers.Uris
{
    /// <summary>The driver layer of the sink a URI reaches and the sink's name for messages (<see cref="UriRejections.LayerOf"/>).</summary>
    internal sealed record SinkAnswer(DriverLayer Layer, string? Sink);
}
