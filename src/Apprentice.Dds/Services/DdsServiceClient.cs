using System.Collections.Concurrent;
using Apprentice.Dds.Transport;

namespace Apprentice.Dds.Services;

/// <summary>
/// A service client: request writer on <c>rq/…Request</c>, reply reader on <c>rr/…Reply</c>; its
/// guid is the request writer's instance handle, as rmw_cyclonedds does. Thread-safe.
/// </summary>
public sealed class DdsServiceClient : IDisposable
{
    private static long _sequence;
    private readonly IRawPublisher _requests;
    private readonly IRawSubscription _replies;
    private readonly ulong _guid;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<byte[]>> _pending = new();

    internal DdsServiceClient(string service, IRawPublisher requests, ulong guid, Func<RawMessageHandler, IRawSubscription> replies)
    {
        Service = service;
        _requests = requests;
        _guid = guid;
        _replies = replies(OnReply);
    }

    /// <summary>Fully-qualified service name.</summary>
    public string Service { get; }

    /// <summary>True when a server's request reader and reply writer are both matched (rmw's <c>service_is_ready</c>).</summary>
    public bool IsServiceReady => _requests.MatchedSubscriptionCount > 0 && _replies.MatchedPublisherCount > 0;

    /// <summary>Sends a request (encapsulation + body) and completes with the response (encapsulation + body).</summary>
    /// <exception cref="OperationCanceledException">Cancelled before a reply arrived.</exception>
    public async Task<byte[]> CallAsync(ReadOnlyMemory<byte> request, CancellationToken cancel)
    {
        var seq = Interlocked.Increment(ref _sequence);
        var tcs = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[seq] = tcs;
        try
        {
            var wire = new byte[request.Length + ServiceHeader.Size];
            ServiceHeader.Wrap(request.Span, _guid, seq, wire);
            var outcome = _requests.Publish(wire);
            if (outcome != PublishOutcome.Published)
            {
                throw new InvalidOperationException($"Request on service '{Service}' was not sent: {outcome}.");
            }

            using var reg = cancel.Register(() => tcs.TrySetCanceled(cancel));
            return await tcs.Task.ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(seq, out _);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _requests.Dispose();
        _replies.Dispose();
        foreach (var p in _pending.Values)
        {
            p.TrySetCanceled();
        }
    }

    private void OnReply(ReadOnlySpan<byte> wire, MessageInfo info)
    {
        // Every client receives every reply on the topic: keep only ours.
        if (ServiceHeader.TryRead(wire, out var guid, out var seq) && guid == _guid && _pending.TryGetValue(seq, out var tcs))
        {
            tcs.TrySetResult(ServiceHeader.Unwrap(wire));
        }
    }
}
