using System.Runtime.InteropServices;

namespace Apprentice.Dds.Interop;

/// <summary>P/Invoke into <c>libapprentice_cyclone_shim.so</c> (native/cyclone_shim). All blittable.</summary>
internal static unsafe partial class NativeMethods
{
    private const string Lib = "apprentice_cyclone_shim";

    // Cyclone status bits (dds_public_status.h).
    internal const uint OfferedIncompatibleQosStatus = 1u << 3;
    internal const uint RequestedIncompatibleQosStatus = 1u << 4;
    internal const uint DataAvailableStatus = 1u << 8;
    internal const uint PublicationMatchedStatus = 1u << 11;
    internal const uint SubscriptionMatchedStatus = 1u << 12;

    internal const int RetcodeTimeout = -10;
    internal const int RetcodePreconditionNotMet = -4;

    [LibraryImport(Lib, EntryPoint = "aps_strerror")]
    internal static partial byte* StrError(int rc);

    [LibraryImport(Lib, EntryPoint = "aps_cyclone_version")]
    internal static partial byte* CycloneVersion();

    [LibraryImport(Lib, EntryPoint = "aps_domain_create", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int DomainCreate(uint domainId, string? config);

    [LibraryImport(Lib, EntryPoint = "aps_participant_create")]
    internal static partial int ParticipantCreate(uint domainId, byte* userData, uint userDataSize);

    [LibraryImport(Lib, EntryPoint = "aps_delete")]
    internal static partial int Delete(int entity);

    [LibraryImport(Lib, EntryPoint = "aps_topic_create", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TopicCreate(int participant, string topicName, string typeName);

    [LibraryImport(Lib, EntryPoint = "aps_writer_create")]
    internal static partial int WriterCreate(int participant, int topic, in ApsQos qos, byte* userData, uint userDataSize);

    [LibraryImport(Lib, EntryPoint = "aps_reader_create")]
    internal static partial int ReaderCreate(int participant, int topic, in ApsQos qos, byte* userData, uint userDataSize);

    [LibraryImport(Lib, EntryPoint = "aps_readcondition_create")]
    internal static partial int ReadConditionCreate(int reader);

    [LibraryImport(Lib, EntryPoint = "aps_write")]
    internal static partial int Write(int writer, byte* data, uint size, long sourceTimestampNs);

    [LibraryImport(Lib, EntryPoint = "aps_take")]
    internal static partial int Take(int readerOrCondition, out ApsSample sample);

    [LibraryImport(Lib, EntryPoint = "aps_release")]
    internal static partial void Release(nint serdata);

    [LibraryImport(Lib, EntryPoint = "aps_waitset_create")]
    internal static partial int WaitsetCreate(int participant);

    [LibraryImport(Lib, EntryPoint = "aps_waitset_attach")]
    internal static partial int WaitsetAttach(int waitset, int entity, long arg);

    [LibraryImport(Lib, EntryPoint = "aps_waitset_detach")]
    internal static partial int WaitsetDetach(int waitset, int entity);

    [LibraryImport(Lib, EntryPoint = "aps_waitset_wait")]
    internal static partial int WaitsetWait(int waitset, long* triggered, int capacity, long timeoutNs);

    [LibraryImport(Lib, EntryPoint = "aps_guard_create")]
    internal static partial int GuardCreate(int participant);

    [LibraryImport(Lib, EntryPoint = "aps_guard_set")]
    internal static partial int GuardSet(int guard, int triggered);

    [LibraryImport(Lib, EntryPoint = "aps_guard_take")]
    internal static partial int GuardTake(int guard, out int triggered);

    [LibraryImport(Lib, EntryPoint = "aps_set_status_mask")]
    internal static partial int SetStatusMask(int entity, uint mask);

    [LibraryImport(Lib, EntryPoint = "aps_take_status")]
    internal static partial int TakeStatus(int entity, out uint status, uint mask);

    [LibraryImport(Lib, EntryPoint = "aps_publication_matched")]
    internal static partial int PublicationMatched(int writer, out ApsMatched status);

    [LibraryImport(Lib, EntryPoint = "aps_subscription_matched")]
    internal static partial int SubscriptionMatched(int reader, out ApsMatched status);

    [LibraryImport(Lib, EntryPoint = "aps_offered_incompatible")]
    internal static partial int OfferedIncompatible(int writer, out ApsIncompatible status);

    [LibraryImport(Lib, EntryPoint = "aps_requested_incompatible")]
    internal static partial int RequestedIncompatible(int reader, out ApsIncompatible status);

    [LibraryImport(Lib, EntryPoint = "aps_instance_handle")]
    internal static partial int InstanceHandle(int entity, out ulong handle);

    [LibraryImport(Lib, EntryPoint = "aps_guid")]
    internal static partial int Guid(int entity, byte* out16);

    [LibraryImport(Lib, EntryPoint = "aps_builtin_reader_create")]
    internal static partial int BuiltinReaderCreate(int participant, int publications);

    [LibraryImport(Lib, EntryPoint = "aps_builtin_take")]
    internal static partial int BuiltinTake(int reader, out ApsEndpoint endpoint);

    [LibraryImport(Lib, EntryPoint = "aps_builtin_release")]
    internal static partial void BuiltinRelease(int reader, ref ApsEndpoint endpoint);

    /// <summary>Cyclone's text for a return code.</summary>
    internal static string ErrorText(int rc) => Marshal.PtrToStringUTF8((nint)StrError(rc)) ?? rc.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Returns <paramref name="rc"/> when it is a handle/count, else throws naming <paramref name="what"/>.</summary>
    internal static int Check(int rc, string what) =>
        rc >= 0 ? rc : throw new DdsException($"Cyclone DDS failed to {what}: {ErrorText(rc)} ({rc}).", rc);
}
