using Apprentice.Dds.Interop;
using Apprentice.Dds.Services;
using Apprentice.Dds.Transport;
using Apprentice.Ros.Names;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Cyclone;

// Services the rmw_cyclonedds way: rq/<name>Request + rr/<name>Reply with a 16-byte request header.
public sealed partial class DdsNode
{
    private static int _csidCounter;

    /// <summary>Creates a service server for <paramref name="srvType"/> (e.g. <c>rcl_interfaces/srv/GetParameters</c>).</summary>
    /// <param name="service">Service name as written (relative, absolute, <c>~/x</c>).</param>
    /// <param name="qos">Usually <see cref="QosProfiles.Services"/>.</param>
    /// <param name="handler">Runs on the receive thread; returns the response (encapsulation + body).</param>
    public DdsServiceServer CreateRawService(string service, string srvType, QosProfile qos, RawServiceHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var fq = ResolveTopicName(service);
        var (requestType, responseType) = DdsNames.ServiceTypes(srvType);
        var userData = "serviceid=" + NewCsid() + ";";
        var factory = new ServiceEndpoints(this, fq, requestType, responseType, qos, userData);
        var server = new DdsServiceServer(this, fq, factory, handler);
        AnnounceGraph();
        return server;
    }

    /// <summary>Creates a client of a service; wait for <see cref="DdsServiceClient.IsServiceReady"/> before calling.</summary>
    public DdsServiceClient CreateRawClient(string service, string srvType, QosProfile qos)
    {
        var fq = ResolveTopicName(service);
        var (requestType, responseType) = DdsNames.ServiceTypes(srvType);
        var userData = "clientid=" + NewCsid() + ";";
        var writer = CreateWriter(fq, DdsNames.ServiceRequestTopic(fq), requestType, qos, userData, isInternal: false);
        NativeMethods.Check(NativeMethods.InstanceHandle(writer.Entity, out var guid), "read the request writer's instance handle");
        var client = new DdsServiceClient(fq, writer, guid, h => CreateReader(fq, DdsNames.ServiceReplyTopic(fq), responseType, qos, h, userData, isInternal: false));
        AnnounceGraph();
        return client;
    }

    private unsafe string NewCsid()
    {
        var g = stackalloc byte[16];
        NativeMethods.Guid(_participant, g);
        return ServiceHeader.IdText(new ReadOnlySpan<byte>(g, 16), (uint)Interlocked.Increment(ref _csidCounter));
    }

    private sealed class ServiceEndpoints(DdsNode node, string fq, string requestType, string responseType, QosProfile qos, string userData) : IRawSubscriptionFactory
    {
        public IRawPublisher CreateReplyWriter() =>
            node.CreateWriter(fq, DdsNames.ServiceReplyTopic(fq), responseType, qos, userData, isInternal: false);

        public IRawSubscription CreateRequestReader(RawMessageHandler handler) =>
            node.CreateReader(fq, DdsNames.ServiceRequestTopic(fq), requestType, qos, handler, userData, isInternal: false);
    }
}
