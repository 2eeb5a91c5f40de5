namespace Apprentice.Core;

/// <summary>Names this assembly in reflection-based checks (architecture tests).</summary>
public sealed class AssemblyMarker
{
    private AssemblyMarker()
    {
    }
}
