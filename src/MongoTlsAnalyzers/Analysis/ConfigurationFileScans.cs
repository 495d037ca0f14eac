using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.ConfigurationFiles;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// The scans of a compilation's configuration files, made once per file and shared by every host (the package ships
    /// one analyzer per rule, and each gets the additional-file action). Only loadable configuration files are kept: a
    /// file that is not valid JSON, or whose root is not an object, gets no diagnostic (docs/architecture.md "Configuration files").
    /// </summary>
    internal sealed class ConfigurationFileScans
    {
        private readonly ConcurrentDictionary<AdditionalText, (SourceText Text, JsonStringValueScan Scan)?> _scans =
            new ConcurrentDictionary<AdditionalText, (SourceText, JsonStringValueScan)?>();

        public static ConfigurationFileScans For(MongoCompilationModel model) => model.Part(static _ => new ConfigurationFileScans());

        /// <summary>The file's text and scan, or null when it is unreadable, over 1 MB, or not loadable configuration.</summary>
        public (SourceText Text, JsonStringValueScan Scan)? Get(AdditionalText file, CancellationToken cancellationToken)
        {
            if (_scans.TryGetValue(file, out var existing))
            {
                return existing;
            }

            var text = file.GetText(cancellationToken);
            (SourceText, JsonStringValueScan)? result = null;
            if (text is not null && text.Length <= JsonStringValueReader.MaxFileLength)
            {
                var scan = JsonStringValueReader.Read(text, cancellationToken);
                if (scan.IsLoadableConfiguration)
                {
                    result = (text, scan);
                }
            }

            return _scans.GetOrAdd(file, result);
        }
    }
}
