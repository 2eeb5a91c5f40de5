using System.Text;
using Apprentice.Dds.Interop;
using Apprentice.Dds.Transport;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Cyclone;

// Discovery (DCPSPublication / DCPSSubscription) and QoS-incompatibility reporting.
public sealed unsafe partial class DdsNode
{
    private readonly int _publicationsReader;
    private readonly int _subscriptionsReader;
    private readonly Dictionary<string, DiscoveredEndpoint> _discovered = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyList<DiscoveredEndpoint> DiscoveredEndpoints()
    {
        lock (_discovered)
        {
            return [.. _discovered.Values];
        }
    }

    private int AttachBuiltin(bool publications)
    {
        var reader = NativeMethods.Check(NativeMethods.BuiltinReaderCreate(_participant, publications ? 1 : 0), "create a discovery reader");
        var condition = NativeMethods.Check(NativeMethods.ReadConditionCreate(reader), "create a discovery read condition");
        NativeMethods.Check(NativeMethods.WaitsetAttach(_waitset, condition, publications ? PublicationsArg : SubscriptionsArg), "attach a discovery reader");
        return reader;
    }

    private void DrainDiscovery()
    {
        Drain(_publicationsReader, EndpointKind.Publisher);
        Drain(_subscriptionsReader, EndpointKind.Subscription);
    }

    private void Drain(int reader, EndpointKind kind)
    {
        while (NativeMethods.BuiltinTake(reader, out var ep) == 1)
        {
            try
            {
                var gid = Convert.ToHexStringLower(new ReadOnlySpan<byte>(ep.Guid, 16));
                lock (_discovered)
                {
                    if (ep.Alive == 0 || ep.TopicName == null)
                    {
                        _discovered.Remove(gid);
                        continue;
                    }

                    _discovered[gid] = new DiscoveredEndpoint(
                        kind,
                        Utf8(ep.TopicName),
                        Utf8(ep.TypeName),
                        QosMapping.FromNative(ep.Qos),
                        gid,
                        Convert.ToHexStringLower(new ReadOnlySpan<byte>(ep.ParticipantGuid, 16)),
                        ep.UserData == null ? string.Empty : Encoding.UTF8.GetString(ep.UserData, (int)ep.UserDataSize));
                }
            }
            finally
            {
                NativeMethods.BuiltinRelease(reader, ref ep);
            }
        }
    }

    private static string Utf8(byte* s) => System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)s) ?? string.Empty;

    private void HandleStatus(DdsEndpoint endpoint)
    {
        var isWriter = endpoint is DdsRawPublisher;
        var mask = isWriter ? NativeMethods.OfferedIncompatibleQosStatus : NativeMethods.RequestedIncompatibleQosStatus;
        if (NativeMethods.TakeStatus(endpoint.Entity, out var status, mask) != 0 || (status & mask) == 0)
        {
            return;
        }

        var rc = isWriter
            ? NativeMethods.OfferedIncompatible(endpoint.Entity, out var st)
            : NativeMethods.RequestedIncompatible(endpoint.Entity, out st);
        if (rc != 0 || st.TotalCountChange == 0)
        {
            return;
        }

        // The peer's discovery sample may still be queued: read it before naming the peer.
        DrainDiscovery();
        Report(endpoint, isWriter ? EndpointKind.Publisher : EndpointKind.Subscription, QosMapping.PolicyName(st.LastPolicyId));
    }

    private void Report(DdsEndpoint endpoint, EndpointKind localKind, string policy)
    {
        var report = QosMismatchReport.Build(
            endpoint.Topic,
            localKind,
            Gid(endpoint.Entity),
            Ros.Names.RosNames.FullyQualifiedNodeName(NodeName, Namespace),
            endpoint.Qos,
            policy,
            DiscoveredEndpoints().Where(e => e.DdsTopic == endpoint.DdsTopic).ToList());
        var message = report.Message;
        _log.Warning("{QosMismatch}", message);
        try
        {
            QosIncompatible?.Invoke(report);
        }
#pragma warning disable CA1031 // a failing observer must not stop the receive thread
        catch (Exception e)
#pragma warning restore CA1031
        {
            _log.Error(e, "A QosIncompatible handler threw");
        }
    }
}
