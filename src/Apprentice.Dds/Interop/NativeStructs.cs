using System.Runtime.InteropServices;

namespace Apprentice.Dds.Interop;

// Field-for-field mirrors of native/cyclone_shim/src/shim.h; change both together.

[StructLayout(LayoutKind.Sequential)]
internal struct ApsQos
{
    public int Reliability;
    public int Durability;
    public int History;
    public int Depth;
    public int Liveliness;
    public int IgnoreLocal;
    public long DeadlineNs;
    public long LifespanNs;
    public long LivelinessLeaseNs;
    public long MaxBlockingNs;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ApsSample
{
    public nint Serdata;
    public byte* Data;
    public uint Size;
    public int Valid;
    public long SourceTimestampNs;
    public ulong PublicationHandle;
}

[StructLayout(LayoutKind.Sequential)]
internal struct ApsMatched
{
    public int TotalCount;
    public int TotalCountChange;
    public int CurrentCount;
    public int CurrentCountChange;
    public ulong LastHandle;
}

[StructLayout(LayoutKind.Sequential)]
internal struct ApsIncompatible
{
    public int TotalCount;
    public int TotalCountChange;
    public int LastPolicyId;
    public int Reserved;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ApsEndpoint
{
    public fixed byte Guid[16];
    public fixed byte ParticipantGuid[16];
    public byte* TopicName;
    public byte* TypeName;
    public byte* UserData;
    public uint UserDataSize;
    public int Alive;
    public ApsQos Qos;
    public nint Loan;
}
