using System.Runtime.InteropServices;

namespace Apprentice.Sim.Interop;

/// <summary>Owns one <c>apx_sim*</c> (a MuJoCo model + data pair); freed exactly once.</summary>
internal sealed class SimHandle : SafeHandle
{
    public SimHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        MujocoNative.Free(handle);
        return true;
    }
}
