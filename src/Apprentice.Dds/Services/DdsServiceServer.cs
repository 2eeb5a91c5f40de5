using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Transport;

namespace Apprentice.Dds.Services;

/// <summary>
/// Computes a response for one request. <paramref name="request"/> is a plain message
/// (encapsulation + body, borrowed for the call); return the response the same way.
/// </summary>
public delegate byte[] RawServiceHandler(ReadOnlySpan<byte> request);

/// <summary>A service server: request reader on <c>rq/…Request</c>, reply writer on <c>rr/…Reply</c>.</summary>
public sealed class DdsServiceServer : IDisposable
{
    private readonly IRawSubscription _requests;
    private readonly IRawPublisher _replies;
    private readonly RawServiceHandler _handler;
    private readonly Serilog.ILogger _log;
    private byte[] _buffer = new byte[256];

    internal DdsServiceServer(DdsNode node, string service, IRawSubscriptionFactory factory, RawServiceHandler handler)
    {
        Service = service;
        _handler = handler;
        _log = node.Log;
        _replies = factory.CreateReplyWriter();
        _requests = factory.CreateRequestReader(OnRequest);
    }

    /// <summary>Fully-qualified service name.</summary>
    public string Service { get; }

    /// <summary>Clients whose request writers are matched.</summary>
    public int MatchedClientCount => _requests.MatchedPublisherCount;

    /// <inheritdoc />
    public void Dispose()
    {
        _requests.Dispose();
        _replies.Dispose();
    }

    private void OnRequest(ReadOnlySpan<byte> wire, MessageInfo info)
    {
        if (!ServiceHeader.TryRead(wire, out var guid, out var seq))
        {
            _log.Warning("Ignoring a malformed request on service {Service} ({Length} bytes)", Service, wire.Length);
            return;
        }

        var request = ServiceHeader.Unwrap(wire);
        byte[] response;
        try
        {
            response = _handler(request);
        }
#pragma warning disable CA1031 // a failing handler must not stop the receive thread; the client times out
        catch (Exception e)
#pragma warning restore CA1031
        {
            _log.Error(e, "Service {Service} handler threw; no reply sent", Service);
            return;
        }

        if (_buffer.Length < response.Length + ServiceHeader.Size)
        {
            _buffer = new byte[response.Length + ServiceHeader.Size];
        }

        var n = ServiceHeader.Wrap(response, guid, seq, _buffer);
        _ = _replies.Publish(_buffer.AsSpan(0, n), info.SourceTimestampNs);
    }
}

/// <summary>Creates the two endpoints of a service or client with the right names, types and user data.</summary>
internal interface IRawSubscriptionFactory
{
    IRawPublisher CreateReplyWriter();

    IRawSubscription CreateRequestReader(RawMessageHandler handler);
}
