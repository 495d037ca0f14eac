using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Guards;
using MongoTlsAnalyzers.Options;
using MongoTlsAnalyzers.SettingsFlow;
using MongoTlsAnalyzers.Uris;

namespace MongoTlsAnalyzers.Tls
{
    /// <summary>
    /// Finds the settings that turn certificate validation off — <c>AllowInsecureTls</c>, <c>VerifySslCertificate</c>,
    /// <c>tlsInsecure</c>/<c>sslVerifyCertificate</c> in URIs, accept-all validation callbacks on <c>SslSettings</c> and
    /// through <c>ClusterConfigurator</c> — and decides, once per syntax node for all three rules, whether each is
    /// guarded, unconditional (MTA003), switchable by configuration (MTA004) or pointless because TLS is off (MTA009).
    /// </summary>
    internal sealed class InsecureSettingFinder
    {
        /// <summary>The kinds of the settings writes, calls and creations the finder looks at, URIs apart.</summary>
        public static readonly ImmutableArray<OperationKind> SettingKinds = ImmutableArray.Create(
            OperationKind.SimpleAssignment, OperationKind.Invocation, OperationKind.ObjectCreation);

        /// <summary>Every kind the finder looks at: <see cref="SettingKinds"/> and the roots of URIs.</summary>
        public static readonly ImmutableArray<OperationKind> Kinds = SettingKinds.AddRange(UriSiteLocator.RootKinds);

        private readonly MongoCompilationModel _model;
        private readonly ConcurrentDictionary<SyntaxNode, ImmutableArray<InsecureSetting>> _cache =
            new ConcurrentDictionary<SyntaxNode, ImmutableArray<InsecureSetting>>();

        private readonly UriSiteLocator _uriSites;
        private readonly DevelopmentGuards _guards;

        private InsecureSettingFinder(MongoCompilationModel model)
        {
            _model = model;
            _uriSites = UriSiteLocator.For(model);
            _guards = DevelopmentGuards.For(model);
        }

        /// <summary>The finder of <paramref name="model"/>'s compilation, shared by MTA003, MTA004 and MTA009.</summary>
        public static InsecureSettingFinder For(MongoCompilationModel model) => model.Part(static m => new InsecureSettingFinder(m));

        public ImmutableArray<InsecureSetting> Find(IOperation operation, MongoTlsOptions options, CancellationToken cancellationToken)
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation:
                case IInvocationOperation:
                case IObjectCreationOperation:
                case ILiteralOperation:
                case IInterpolatedStringOperation:
                case IBinaryOperation:
                    break;
                default:
                    return ImmutableArray<InsecureSetting>.Empty;
            }

            // Most operations of a code base cannot hold an insecure setting: reject them before the cache, so that
            // the cache does not hold (and keep alive) one entry per assignment, call and string of the compilation.
            if (!CanHoldSetting(operation, cancellationToken))
            {
                return ImmutableArray<InsecureSetting>.Empty;
            }

            if (_cache.TryGetValue(operation.Syntax, out var cached))
            {
                return cached;
            }

            var found = ImmutableArray.CreateBuilder<InsecureSetting>();
            switch (operation)
            {
                case ISimpleAssignmentOperation assignment:
                    FromAssignment(assignment, options, found, cancellationToken);
                    break;
                case IInvocationOperation invocation when _model.Types.Is(invocation.TargetMethod.ContainingType, DriverType.SslStreamSettings):
                    FromStreamSettings(invocation, invocation.Arguments, options, found, cancellationToken);
                    break;
                case IObjectCreationOperation creation when _model.Types.Is(creation.Type, DriverType.SslStreamSettings):
                    FromStreamSettings(creation, creation.Arguments, options, found, cancellationToken);
                    break;
                default:
                    FromUri(operation, options, found, cancellationToken);
                    break;
            }

            return _cache.GetOrAdd(operation.Syntax, found.ToImmutable());
        }

        /// <summary>
        /// False when <see cref="Find"/> would find nothing for <paramref name="operation"/>, decided cheaply: the
        /// property names <see cref="FromAssignment"/> looks at, the SslStreamSettings calls, and the URIs.
        /// </summary>
        public bool CanHoldSetting(IOperation operation, CancellationToken cancellationToken) => operation switch
        {
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } =>
                _model.Types.RoleOf(property.Property) is DriverRole.InsecureTlsSwitch or DriverRole.VerificationSwitch or DriverRole.ValidationCallback,
            ISimpleAssignmentOperation => false,
            IInvocationOperation invocation => _model.Types.Is(invocation.TargetMethod.ContainingType, DriverType.SslStreamSettings),
            IObjectCreationOperation creation => _model.Types.Is(creation.Type, DriverType.SslStreamSettings),
            _ => _uriSites.Find(operation, cancellationToken) is not null,
        };

        private void FromAssignment(ISimpleAssignmentOperation assignment, MongoTlsOptions options, ImmutableArray<InsecureSetting>.Builder found, CancellationToken cancellationToken)
        {
            if (assignment.Target is not IPropertyReferenceOperation property)
            {
                return;
            }

            var role = _model.Types.RoleOf(property.Property);
            if (role is DriverRole.InsecureTlsSwitch or DriverRole.VerificationSwitch)
            {
                var insecureValue = role == DriverRole.InsecureTlsSwitch;
                var constant = ConstantSwitch.Of(assignment.Value, _model.Folder, cancellationToken);
                if (constant is bool safe && safe != insecureValue)
                {
                    // The secure value (AllowInsecureTls = false), the common case: nothing to find, nothing to work out.
                    return;
                }

                var form = SyntaxShapes.FormOf(assignment.Syntax, bracedGate: true);
                var facts = AssignmentFacts(assignment, form, cancellationToken);
                var subject = property.Property.Name + " = " + (insecureValue ? "true" : "false");
                var state = SettingsState.Of(property.Instance, assignment, _model, cancellationToken);
                var tls = state.Tls;
                var switchFacts = facts with
                {
                    // AllowInsecureTls = true in an initializer becomes AllowInsecureTls = env.IsDevelopment().
                    Guard = role == DriverRole.InsecureTlsSwitch && form == SettingForm.InitializerMember ? GuardForm.InitializerValue : GuardForm.None,

                    // TLS can be turned on just before the setting, on the same settings object (which has UseTls).
                    CanEnableTlsBefore = _model.Types.IsSettings(property.Property.ContainingType)
                        && (form == SettingForm.InitializerMember || assignment.Syntax is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: BlockSyntax }, Left: MemberAccessExpressionSyntax }),
                };
                if (constant is not null)
                {
                    var before = found.Count;
                    AddConstant(found, assignment, assignment.Syntax.GetLocation(), subject, tls, options, switchFacts, cancellationToken);
                    InsecureSetting.MarkAtlas(found, before, state.Hosts.RemoteHost);
                }
                else
                {
                    AddRuntime(found, assignment, assignment.Value, assignment.Syntax.GetLocation(), property.Property.Name, tls, options, switchFacts, cancellationToken);
                }

                return;
            }

            if (role == DriverRole.ValidationCallback
                && CertificateCallbacks.AcceptsEverything(assignment.Value, _model.Folder, cancellationToken))
            {
                var tls = EnclosingSettings.SnapshotOf(assignment, _model, cancellationToken)?.Tls ?? TlsKnowledge.Unknown;
                var callback = CertificateCallbacks.CallbackSyntax(assignment.Value);
                var facts = AssignmentFacts(assignment, SyntaxShapes.FormOf(assignment.Syntax, bracedGate: true), cancellationToken);
                AddConstant(found, assignment, callback.GetLocation(), "A certificate validation callback that accepts every certificate", tls, options, facts with
                {
                    ReplaceableCallback = InsecureSettingFixFacts.IsReplaceableCallback(callback),
                    EnableTlsOnEnclosingSettings = tls == TlsKnowledge.Off && InsecureSettingFixFacts.CanEnableTlsOnEnclosingSettings(assignment, _model.Types),
                }, cancellationToken);
            }
        }

        /// <summary>
        /// What the fixes of a flagged settings write read: its form, and the call that created the settings object
        /// (with whether the object is used later). Worked out only for a write that is reported.
        /// </summary>
        private FixFacts AssignmentFacts(ISimpleAssignmentOperation assignment, SettingForm form, CancellationToken cancellationToken)
        {
            var sink = SettingsOrigin.Of(assignment, _model.Types, out var sinkSpan, out var usedLater, cancellationToken);
            return new FixFacts { Setting = form, Sink = sink, SinkSpan = sinkSpan, SettingsUsedLater = usedLater };
        }

        /// <summary><c>SslStreamSettings.With(serverCertificateValidationCallback: ...)</c> and the constructor.</summary>
        private void FromStreamSettings(IOperation call, ImmutableArray<IArgumentOperation> arguments, MongoTlsOptions options, ImmutableArray<InsecureSetting>.Builder found, CancellationToken cancellationToken)
        {
            foreach (var argument in arguments)
            {
                if (_model.Types.RoleOfParameter(argument.Parameter) != DriverRole.ValidationCallback || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                if (CertificateCallbacks.AcceptsEverything(argument.Value, _model.Folder, cancellationToken))
                {
                    // ClusterConfigurator runs last, and ConfigureSsl turns TLS on whatever UseTls says.
                    var tls = TlsKnowledge.On;
                    var callback = CertificateCallbacks.CallbackSyntax(argument.Value);
                    var facts = new FixFacts
                    {
                        Setting = argument.Syntax is ArgumentSyntax { NameColon: not null } ? SettingForm.NamedArgument : SettingForm.None,
                        ReplaceableCallback = InsecureSettingFixFacts.IsReplaceableCallback(callback),
                    };
                    AddConstant(found, call, callback.GetLocation(), "A certificate validation callback that accepts every certificate", tls, options, facts, cancellationToken);
                }
            }
        }

        private void FromUri(IOperation root, MongoTlsOptions options, ImmutableArray<InsecureSetting>.Builder found, CancellationToken cancellationToken)
        {
            var locator = _uriSites;
            var site = locator.Find(root, cancellationToken);
            if (site is null || UriRejections.IsRejected(site, root, _model))
            {
                return;
            }

            TlsKnowledge? uriTls = null;
            foreach (var option in site.Uri.Options)
            {
                if (option.Role is UriOptionRole.InsecureTls or UriOptionRole.VerifyCertificate && option.RawValue.IndexOf(MongoUri.HoleChar) >= 0)
                {
                    FromUriHole(site, option, root, options, found, cancellationToken);
                    continue;
                }

                if (!option.DisablesCertificateValidation)
                {
                    continue;
                }

                var located = UriOptionReporter.Locate(site, option, locator, cancellationToken);
                if (located is null)
                {
                    continue;
                }

                // One answer per URI; asking per option was quadratic on a URI that repeats tlsInsecure=true.
                var tls = uriTls ??= UriTls(site, root);
                var facts = new FixFacts
                {
                    Setting = SettingForm.UriOption,
                    RemoveEdit = located.RemoveEdit(),
                    PieceSpan = located.PieceSpan,

                    // Enabling TLS turns the URI's tls=false around, or inserts tls=true in front of the option.
                    EnableTlsEdit = tls == TlsKnowledge.Off ? located.EnableTlsEdit() : null,
                    EnableTlsAndRemoveEdit = tls == TlsKnowledge.Off ? located.EnableTlsAndRemoveEdit() : null,
                };
                facts = SettingsOwnership.Of(UriSink.With(facts, site, located.Piece.ReportNode, root, _model.Types), root.SemanticModel, _model.Types, cancellationToken);
                var before = found.Count;
                AddConstant(found, root, located.Location, "The option " + option.Name + "=" + option.RawValue, tls, options, facts, cancellationToken);
                InsecureSetting.MarkAtlas(found, before, site.Uri.AtlasHost);
            }
        }

        /// <summary><c>$"...&amp;tlsInsecure={flag}"</c>: the value comes from code, so it is MTA004 when that code reads configuration.</summary>
        private void FromUriHole(UriSite site, MongoUriOption option, IOperation root, MongoTlsOptions options, ImmutableArray<InsecureSetting>.Builder found, CancellationToken cancellationToken)
        {
            var hole = site.Folded.PieceAt(option.ValueSpan.Start);
            if (hole is null || hole.Origin != Folding.PieceOrigin.Hole)
            {
                return;
            }

            var syntax = hole.ReportNode is InterpolationSyntax interpolation ? interpolation.Expression : hole.ReportNode;
            var operation = _model.Folder.GetOperation(syntax, cancellationToken);
            if (operation is null)
            {
                return;
            }

            var tls = UriTls(site, root);
            AddRuntime(found, root, operation, site.Root.GetLocation(), "The option " + option.Name, tls, options, SettingsOwnership.Of(UriSink.With(FixFacts.None, site, site.Root, root, _model.Types), root.SemanticModel, _model.Types, cancellationToken), cancellationToken);
        }

        /// <summary>
        /// TLS for a URI: its own state, unless it flows into a settings object that turns TLS on later in the
        /// method (<c>var s = MongoClientSettings.FromConnectionString("..."); s.UseTls = true;</c>).
        /// </summary>
        private TlsKnowledge UriTls(UriSite site, IOperation root)
        {
            var optionsHaveHoles = false;
            foreach (var option in site.Uri.Options)
            {
                optionsHaveHoles |= option.HasHole;
            }

            if (site.Uri.TlsEnabled)
            {
                return TlsKnowledge.On;
            }

            if (optionsHaveHoles && site.Uri.ExplicitTls is null)
            {
                return TlsKnowledge.Unknown;
            }

            // The URI says off; look for a settings object built from it that turns TLS on.
            for (var parent = root.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IVariableDeclaratorOperation declarator)
                {
                    return TurnsTlsOnLater(declarator) ? TlsKnowledge.Unknown : TlsKnowledge.Off;
                }

                if (parent is IBlockOperation or IMethodBodyOperation or IExpressionStatementOperation)
                {
                    break;
                }
            }

            return TlsKnowledge.Off;
        }

        private bool TurnsTlsOnLater(IVariableDeclaratorOperation declarator)
        {
            var root = (IOperation)declarator;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            foreach (var operation in root.Descendants())
            {
                if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation target } property } assignment
                    && _model.Types.RoleOf(property.Property) == DriverRole.TlsSwitch
                    && SymbolEqualityComparer.Default.Equals(target.Local, declarator.Symbol)
                    && assignment.Value.ConstantValue is not { HasValue: true, Value: false })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A constant insecure setting at <paramref name="position"/>.</summary>
        private void AddConstant(ImmutableArray<InsecureSetting>.Builder found, IOperation position, Location location, string subject, TlsKnowledge tls, MongoTlsOptions options, FixFacts facts, CancellationToken cancellationToken)
        {
            var guards = _guards;
            if (guards.IsGuarded(position, options, cancellationToken))
            {
                return;
            }

            if (tls == TlsKnowledge.Off)
            {
                found.Add(new InsecureSetting(InsecureVerdict.TlsOff, location, subject, null, facts));
                return;
            }

            var gate = EnclosingInsecurityCondition(position, cancellationToken);
            var guarded = InsecureSettingFixFacts.WithGuard(facts, position, location, cancellationToken);
            found.Add(gate is null
                ? new InsecureSetting(InsecureVerdict.ValidationDisabled, location, subject, null, guarded)
                : new InsecureSetting(InsecureVerdict.FromConfiguration, location, subject, gate, guarded));
        }

        /// <summary>A non-constant insecure value: MTA004 when it comes from configuration and no guard.</summary>
        private void AddRuntime(ImmutableArray<InsecureSetting>.Builder found, IOperation position, IOperation value, Location location, string subject, TlsKnowledge tls, MongoTlsOptions options, FixFacts facts, CancellationToken cancellationToken)
        {
            var guards = _guards;
            if (guards.IsGuarded(position, options, cancellationToken) || guards.IsGuardValue(value, options, cancellationToken))
            {
                return;
            }

            // env.IsDevelopment() ? false : true — the guard inverted: insecure everywhere except Development.
            if (IsInvertedGuard(value, options, cancellationToken))
            {
                AddConstant(found, position, location, subject + " outside Development", tls, options, facts, cancellationToken);
                return;
            }

            var source = ValueSources.Find(value, _model.Folder, cancellationToken);
            if (source is null)
            {
                return;
            }

            found.Add(tls == TlsKnowledge.Off
                ? new InsecureSetting(InsecureVerdict.TlsOff, location, subject, source, facts)
                : new InsecureSetting(InsecureVerdict.FromConfiguration, location, subject, source, InsecureSettingFixFacts.WithGuard(facts, position, location, cancellationToken)));
        }

        private bool IsInvertedGuard(IOperation value, MongoTlsOptions options, CancellationToken cancellationToken)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value is not IConditionalOperation { WhenFalse: { } whenFalse } conditional
                || conditional.WhenTrue.ConstantValue is not { HasValue: true, Value: bool whenTrue }
                || whenFalse.ConstantValue is not { HasValue: true, Value: bool whenFalseValue }
                || whenTrue == whenFalseValue)
            {
                return false;
            }

            // Which arm runs outside Development, and is it the insecure one? (Callers pass AllowInsecureTls-style values: true is insecure.)
            var meaning = _guards.Classify(conditional.Condition, options, cancellationToken);
            return (meaning == GuardMeaning.Development && whenFalseValue) || (meaning == GuardMeaning.NotDevelopment && whenTrue);
        }

        /// <summary>The nearest <c>if (opts.AllowInsecure)</c>-style condition around the setting, if any.</summary>
        private ValueSource? EnclosingInsecurityCondition(IOperation operation, CancellationToken cancellationToken)
        {
            var child = operation;
            for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalOperation conditional && child == conditional.WhenTrue)
                {
                    var source = ValueSources.Find(conditional.Condition, _model.Folder, cancellationToken);
                    if (source is { IsAboutInsecurity: true })
                    {
                        return source;
                    }
                }

                if (parent is IMethodBodyOperation or IConstructorBodyOperation or ILocalFunctionOperation)
                {
                    break;
                }
            }

            return null;
        }
    }
}
