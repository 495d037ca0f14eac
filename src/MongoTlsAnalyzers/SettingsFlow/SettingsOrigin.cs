using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.SettingsFlow
{
    /// <summary>
    /// The call that created the settings object a statement writes to, when the runtime helper's fix may build that
    /// object instead: <c>var s = MongoClientSettings.FromConnectionString(x); s.AllowInsecureTls = true;</c>; and
    /// whether the object is used later other than by the statement and <c>new MongoClient(s)</c> (<see cref="SettingsOwnership"/>).
    /// </summary>
    internal static class SettingsOrigin
    {
        public static SinkKind Of(ISimpleAssignmentOperation assignment, DriverTypes types, out TextSpan? span, out bool usedLater, CancellationToken cancellationToken)
        {
            span = null;
            usedLater = false;
            if (assignment.Syntax is not AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: BlockSyntax or GlobalStatementSyntax }, Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax } }
                || assignment.Target is not IPropertyReferenceOperation { Instance: ILocalReferenceOperation local }
                || local.Local.DeclaringSyntaxReferences.Length != 1
                || local.Local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var initializer }
                || assignment.SemanticModel?.GetOperation(initializer, cancellationToken) is not { } origin)
            {
                return SinkKind.None;
            }

            var kind = origin switch
            {
                IInvocationOperation invocation when types.Is(invocation.TargetMethod.ContainingType, DriverType.MongoClientSettings) && types.RoleOf(invocation.TargetMethod) == DriverRole.Sink =>
                    invocation.TargetMethod.Name switch
                    {
                        "FromConnectionString" => SinkKind.SettingsFromConnectionString,
                        "FromUrl" => SinkKind.SettingsFromUrl,
                        _ => SinkKind.None,
                    },
                IObjectCreationOperation { Initializer: null } creation when types.Is(creation.Type, DriverType.MongoClientSettings) => SinkKind.NewSettings,
                _ => SinkKind.None,
            };
            if (kind != SinkKind.None)
            {
                span = initializer.Span;
                usedLater = SettingsOwnership.UsedLater(initializer, local.Local, assignment.Syntax.Parent, assignment.SemanticModel, types, cancellationToken);
            }

            return kind;
        }
    }
}
