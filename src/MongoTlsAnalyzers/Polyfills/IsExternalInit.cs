// Attributes and types that netstandard2.0 lacks but the C# compiler understands by name.
// They are internal, so they never clash with the real ones in a consumer's compilation.

namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
