using System.Threading;
using Microsoft.CodeAnalysis;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// A question several rules ask first about the same operation, such as "is this string expression the root of a
    /// MongoDB URI?". Rules that register with the same gate (the same instance) are run only when it says yes, and
    /// the host asks it once per operation for all of them, not once per rule (<see cref="CompilationRun"/>).
    /// </summary>
    internal delegate bool OperationGate(IOperation operation, CancellationToken cancellationToken);
}
