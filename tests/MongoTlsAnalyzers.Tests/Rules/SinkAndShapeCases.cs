using System.Collections.Generic;

namespace MongoTlsAnalyzers.Tests.Rules
{
    /// <summary>
    /// The sinks of docs/rules and the constant-value shapes, combined into test sources. Each shape writes
    /// a URI (given as markup-free text) into a class, with the expected diagnostic marked as {|ID:...|}.
    /// </summary>
    public static class SinkAndShapeCases
    {
        /// <summary>Each sink, as a format with {0} for the string expression.</summary>
        public static readonly string[] Sinks =
        {
            "new MongoClient({0})",
            "MongoClientSettings.FromConnectionString({0})",
            "new MongoUrl({0})",
            "MongoUrl.Create({0})",
            "new MongoUrlBuilder({0})",
        };

        public static IEnumerable<object[]> SinkNames()
        {
            for (var i = 0; i < Sinks.Length; i++)
            {
                yield return new object[] { i };
            }
        }

        /// <summary>A shape: members to add to the class, and the expression passed to the sink.</summary>
        public sealed record Shape(string Name, string Members, string Expression, string? OtherFile = null);

        /// <summary>
        /// The shapes for a URI <c>prefix + secretPart + suffix</c>, where the diagnostic for rule
        /// <paramref name="id"/> belongs on the piece that holds <paramref name="secretPart"/>.
        /// </summary>
        public static IEnumerable<Shape> Shapes(string id, string prefix, string secretPart, string suffix)
        {
            var uri = prefix + secretPart + suffix;
            yield return new Shape("literal", "", $"{{|{id}:\"{uri}\"|}}");
            yield return new Shape("verbatim", "", $"{{|{id}:@\"{uri}\"|}}");
            yield return new Shape("raw", "", $"{{|{id}:\"\"\"{uri}\"\"\"|}}");
            yield return new Shape("const field", $"private const string Conn = {{|{id}:\"{uri}\"|}};", "Conn");
            yield return new Shape("const in another file", "", "Settings.Conn", $"public static class Settings {{ public const string Conn = {{|{id}:\"{uri}\"|}}; }}");
            yield return new Shape("static readonly field", $"private static readonly string Conn = {{|{id}:\"{uri}\"|}};", "Conn");
            yield return new Shape("readonly field set in constructor", $"private readonly string _conn; public C() {{ _conn = {{|{id}:\"{uri}\"|}}; }}", "_conn");
            yield return new Shape("field set once elsewhere", $"private string _conn; public void Init() {{ _conn = {{|{id}:\"{uri}\"|}}; }}", "_conn");
            yield return new Shape("const concatenation", $"private const string Scheme = \"{prefix}\"; private const string Middle = {{|{id}:\"{secretPart}\"|}}; private const string Rest = \"{suffix}\";", "Scheme + Middle + Rest");
            yield return new Shape("concatenation with literal pieces", "", $"\"{prefix}\" + {{|{id}:\"{secretPart}\"|}} + \"{suffix}\"");
            yield return new Shape("interpolated with constant hole", $"private const string Middle = {{|{id}:\"{secretPart}\"|}};", $"$\"{prefix}{{Middle}}{suffix}\"");
            yield return new Shape("interpolated string", "", $"{{|{id}:$\"{uri}\"|}}");
            yield return new Shape("fallback of ??", "", $"System.Environment.GetEnvironmentVariable(\"MONGODB_URI\") ?? {{|{id}:\"{uri}\"|}}");
            yield return new Shape("static readonly in another file", "", "Settings.Conn", $"public static class Settings {{ public static readonly string Conn = {{|{id}:\"{uri}\"|}}; }}");
        }

        /// <summary>Builds the test source: a class C whose method M passes the shape's expression to the sink.</summary>
        public static string Source(Shape shape, int sink) => /* lang=c#-test */ $$"""
using MongoDB.Driver;

public class C
{
    {{shape.Members}}

    public object M()
    {
        return {{string.Format(Sinks[sink], shape.Expression)}};
    }
}

""";
    }
}
