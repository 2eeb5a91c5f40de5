// Files in Idl/ are also compiled into the netstandard2.0 source generator; keep this folder to
// BCL APIs that netstandard2.0 has. This file holds the few shims that C# features need there.
#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices
{
    /// <summary>Lets <c>init</c> accessors compile on netstandard2.0.</summary>
    internal static class IsExternalInit
    {
    }
}
#endif
