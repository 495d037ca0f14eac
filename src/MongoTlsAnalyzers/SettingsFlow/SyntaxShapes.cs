using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.SettingsFlow
{
    /// <summary>Syntax facts that the analyzers hand to the fixes (<see cref="FixFacts"/>), decided where the code is read once.</summary>
    internal static class SyntaxShapes
    {
        /// <summary>
        /// What an assignment is: a statement that can be deleted without breaking the code around it (its own
        /// statement in a block, a switch section or top-level code), the whole body of an <c>if</c> that does nothing
        /// else (<see cref="SettingForm.GatedStatement"/>: without braces, or, when <paramref name="bracedGate"/>, alone
        /// in braces), an object-initializer member, or neither.
        /// </summary>
        public static SettingForm FormOf(SyntaxNode assignment, bool bracedGate = false) => assignment.Parent switch
        {
            ExpressionStatementSyntax statement when GateOf(statement, bracedGate) is not null => SettingForm.GatedStatement,
            ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax } => SettingForm.Statement,
            InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ObjectInitializerExpression) => SettingForm.InitializerMember,
            _ => SettingForm.None,
        };

        /// <summary>
        /// The <c>if</c> whose whole body <paramref name="statement"/> is (alone in braces only when
        /// <paramref name="braced"/>), when it has no <c>else</c>, stands on its own and its condition has no side effects.
        /// </summary>
        public static IfStatementSyntax? GateOf(StatementSyntax statement, bool braced)
        {
            var body = braced && statement.Parent is BlockSyntax { Statements.Count: 1 } block ? block : statement;
            return body.Parent is IfStatementSyntax { Else: null, Parent: BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax } gate
                && gate.Statement == body
                && HasNoSideEffects(gate.Condition)
                ? gate
                : null;
        }

        /// <summary>
        /// True when evaluating <paramref name="condition"/> changes nothing, so that deleting it with the <c>if</c> it
        /// gates loses nothing: no assignment, increment, <c>await</c>, <c>out</c>/<c>ref</c> argument, object creation or
        /// call other than a read (<c>Get*</c>, <c>Is*</c>, <c>Parse</c>, <c>Equals</c>, such as
        /// <c>configuration.GetValue&lt;bool&gt;("...")</c>).
        /// </summary>
        public static bool HasNoSideEffects(ExpressionSyntax condition)
        {
            foreach (var node in condition.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax:
                    case AwaitExpressionSyntax:
                    case BaseObjectCreationExpressionSyntax:
                    case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                    case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression):
                    case ArgumentSyntax { RefKindKeyword.RawKind: not 0 }:
                        return false;
                    case InvocationExpressionSyntax invocation when !IsRead(invocation):
                        return false;
                }
            }

            return true;
        }

        private static bool IsRead(InvocationExpressionSyntax invocation)
        {
            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            };
            return name.StartsWith("Get", StringComparison.Ordinal) || name.StartsWith("Is", StringComparison.Ordinal) || name is "Parse" or "Equals";
        }

        /// <summary>
        /// True when a folded duration is written where it is used, as <c>TimeSpan.FromSeconds(n)</c> or
        /// <c>new TimeSpan(n)</c>, so that MTA008's fix can rewrite it there rather than in a variable's declaration.
        /// </summary>
        public static bool IsTimeSpanWrittenInPlace(SyntaxNode value) =>
            value is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FromSeconds" } }
                or ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 };

        /// <summary>True when <paramref name="node"/> stands in a class, struct, record or interface (not in top-level statements).</summary>
        public static bool InType(SyntaxNode node) => node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not null;

        /// <summary>
        /// MTA006's fix turns <c>ClientCertificates = new[] { caCertificate }</c> into a validation callback over the
        /// CA. It may when the assignment's value holds that certificate alone, and the same SslSettings does not
        /// already get a callback (a second one would not compile, or would silently replace the first).
        /// </summary>
        public static bool CertificateCanBecomeValidator(SyntaxNode assignment, SyntaxNode certificate) =>
            assignment is AssignmentExpressionSyntax { Left: IdentifierNameSyntax or MemberAccessExpressionSyntax } clientCertificates
            && OnlyHolds(clientCertificates.Right, certificate)
            && !AlreadySetsCallback(clientCertificates);

        private static bool OnlyHolds(ExpressionSyntax value, SyntaxNode certificate)
        {
            if (value == certificate)
            {
                return true;
            }

            var initializer = value switch
            {
                ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer,
                ArrayCreationExpressionSyntax array => array.Initializer,
                ObjectCreationExpressionSyntax collection => collection.Initializer,
                _ => null,
            };
            return initializer is { Expressions.Count: 1 } && initializer.Expressions[0] == certificate;
        }

        private static bool AlreadySetsCallback(AssignmentExpressionSyntax assignment)
        {
            const string Callback = "ServerCertificateValidationCallback";
            switch (assignment)
            {
                case { Parent: InitializerExpressionSyntax initializer }:
                    return initializer.Expressions.Any(e => e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: Callback } });
                case { Left: MemberAccessExpressionSyntax access }:
                    var receiver = access.Expression.ToString();
                    var scope = (SyntaxNode?)assignment.FirstAncestorOrSelf<BlockSyntax>() ?? assignment.SyntaxTree.GetRoot();
                    return scope.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a =>
                        a.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: Callback } other && other.Expression.ToString() == receiver);
                default:
                    return false;
            }
        }
    }
}
