using Apprentice.Dds.Cyclone;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Services;

/// <summary>Services and clients over generated request/response types.</summary>
public static class TypedServices
{
    /// <summary>Serves <typeparamref name="TService"/>; <paramref name="handler"/> runs on the node's receive thread.</summary>
    /// <remarks>A request that does not decode, or a handler that throws, is logged and gets no reply (the client times out), as in rclcpp.</remarks>
    public static DdsServiceServer CreateService<TService, TRequest, TResponse>(this DdsNode node, string service, QosProfile qos, Func<TRequest, TResponse> handler)
        where TService : IRosService<TRequest, TResponse>
        where TRequest : class, IRosMessage<TRequest>, new()
        where TResponse : class, IRosMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(handler);
        return node.CreateRawService(service, TService.RosTypeName, qos, request => RosMessageCodec.Encode(handler(RosMessageCodec.Decode<TRequest>(request))));
    }

    /// <summary>Creates a client of <typeparamref name="TService"/>.</summary>
    public static DdsServiceClient CreateClient<TService, TRequest, TResponse>(this DdsNode node, string service, QosProfile qos)
        where TService : IRosService<TRequest, TResponse>
        where TRequest : class, IRosMessage<TRequest>, new()
        where TResponse : class, IRosMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.CreateRawClient(service, TService.RosTypeName, qos);
    }

    /// <summary>Sends a typed request and decodes the response.</summary>
    /// <exception cref="OperationCanceledException">Cancelled before a reply arrived.</exception>
    /// <exception cref="Ros.Cdr.CdrException">The reply does not decode as <typeparamref name="TResponse"/>.</exception>
    public static async Task<TResponse> CallAsync<TRequest, TResponse>(this DdsServiceClient client, TRequest request, CancellationToken cancel)
        where TRequest : class, IRosMessage<TRequest>, new()
        where TResponse : class, IRosMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(client);
        var reply = await client.CallAsync(RosMessageCodec.Encode(request), cancel).ConfigureAwait(false);
        return RosMessageCodec.Decode<TResponse>(reply);
    }
}
