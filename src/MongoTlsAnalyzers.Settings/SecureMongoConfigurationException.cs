using System;
using System.Collections.Generic;
using System.Linq;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>The MongoDB settings are invalid; <see cref="Problems"/> has one clear sentence per problem, without secrets.</summary>
    public sealed class SecureMongoConfigurationException : InvalidOperationException
    {
        /// <summary>Creates the exception from the problems found.</summary>
        public SecureMongoConfigurationException(IReadOnlyList<string> problems)
            : base(Describe(problems))
        {
            Problems = problems;
        }

        /// <summary>The message: a heading and one problem per line. Start-up validation through DI reports the same text.</summary>
        public static string Describe(IReadOnlyList<string> problems) =>
            "The MongoDB settings are not valid:" + Environment.NewLine + string.Join(Environment.NewLine, (problems ?? throw new ArgumentNullException(nameof(problems))).Select(p => "- " + p));

        /// <summary>Each problem, as a sentence that says what to change.</summary>
        public IReadOnlyList<string> Problems { get; }
    }
}
