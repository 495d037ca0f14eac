using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>
    /// Runs <see cref="SecureMongoSettings.Validate(SecureMongoOptions, IHostEnvironment?, string)"/> for the options
    /// system, for every client registered by AddSecureMongoClient, so that problems surface at start-up; a name
    /// registered twice is a problem too.
    /// </summary>
    internal sealed class SecureMongoOptionsValidation : IValidateOptions<SecureMongoOptions>
    {
        private readonly IServiceProvider _services;

        public SecureMongoOptionsValidation(IServiceProvider services)
        {
            _services = services;
        }

        public ValidateOptionsResult Validate(string? name, SecureMongoOptions options)
        {
            var key = name ?? Options.DefaultName;
            var registrations = _services.GetRequiredService<SecureMongoClientRegistrations>();
            if (!registrations.Contains(key))
            {
                return ValidateOptionsResult.Skip;
            }

            if (registrations.DuplicateProblem(key) is { } duplicate)
            {
                return ValidateOptionsResult.Fail(SecureMongoConfigurationException.Describe(new[] { duplicate }));
            }

            // One failure holding the whole list: OptionsValidationException.Message is then the same text as
            // SecureMongoConfigurationException.Message from the direct API.
            var problems = SecureMongoSettings.Validate(options, _services.GetService<IHostEnvironment>(), registrations.SectionOf(key));
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(SecureMongoConfigurationException.Describe(problems));
        }
    }
}
