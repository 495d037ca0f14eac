using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Guards;
using MongoTlsAnalyzers.SettingsFlow;

namespace MongoTlsAnalyzers.Tls
{
    /// <summary>The facts <see cref="InsecureSettingFinder"/> hands the TLS fixes about an insecure setting it found.</summary>
    internal static class InsecureSettingFixFacts
    {
        /// <summary>
        /// How "Allow only in Development" can keep the setting to Development (MTA003, MTA004): the host environment
        /// in scope, and either the initializer value to rewrite, the condition of the <c>if</c> that gates the setting,
        /// or an expression statement to wrap. A URI option is removed, never guarded.
        /// </summary>
        public static FixFacts WithGuard(FixFacts facts, IOperation position, Location location, CancellationToken cancellationToken)
        {
            if (facts.Setting == SettingForm.UriOption || position.SemanticModel is not { } model || location.SourceTree is not { } tree)
            {
                return facts with { Guard = GuardForm.None };
            }

            var node = tree.GetRoot(cancellationToken).FindNode(location.SourceSpan, getInnermostNodeForTie: true);
            var guard = facts.Guard;
            int anchor;
            if (guard == GuardForm.InitializerValue)
            {
                anchor = node.SpanStart;
            }
            else if (facts.Setting == SettingForm.GatedStatement && node.FirstAncestorOrSelf<IfStatementSyntax>() is { } gate)
            {
                // if (opts.AllowInsecureTls) settings.AllowInsecureTls = true; gets the guard in its condition.
                guard = GuardForm.JoinCondition;
                anchor = gate.SpanStart;
            }
            else if (node.FirstAncestorOrSelf<StatementSyntax>() is ExpressionStatementSyntax statement)
            {
                guard = GuardForm.WrapStatement;
                anchor = statement.SpanStart;
            }
            else
            {
                return facts with { Guard = GuardForm.None };
            }

            var environment = EnvironmentInScope.Find(model, anchor, cancellationToken);
            return environment is null
                ? facts with { Guard = GuardForm.None }
                : facts with { Guard = guard, Environment = environment.ToString() };
        }

        /// <summary>
        /// MTA009 on a callback in <c>SslSettings = new SslSettings { ... }</c>: the settings object <c>SslSettings</c> is
        /// set on can get <c>UseTls = true</c>, because that write is an object-initializer member or a statement of its
        /// own in a block.
        /// </summary>
        public static bool CanEnableTlsOnEnclosingSettings(IOperation callbackAssignment, DriverTypes types)
        {
            for (var parent = callbackAssignment.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment && types.IsSettings(property.Property.ContainingType))
                {
                    return SyntaxShapes.FormOf(assignment.Syntax) == SettingForm.InitializerMember
                        || assignment.Syntax is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: BlockSyntax }, Left: MemberAccessExpressionSyntax };
                }
            }

            return false;
        }

        /// <summary>A callback the runtime helper's validator can replace in place: written as a lambda, method or name, assigned or passed.</summary>
        public static bool IsReplaceableCallback(SyntaxNode callback) =>
            callback is LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax
            && callback.Parent is AssignmentExpressionSyntax or ArgumentSyntax;
    }
}
