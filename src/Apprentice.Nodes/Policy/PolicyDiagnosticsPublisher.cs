using Apprentice.Dds.Transport;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.DiagnosticMsgs;
using Apprentice.Ros.Qos;

namespace Apprentice.Nodes.Policy;

/// <summary>Publishes the <see cref="PolicyDiagnostics"/> content on <c>/diagnostics</c> once per period (driven by the node's ticks).</summary>
internal sealed class PolicyDiagnosticsPublisher : IDisposable
{
    private readonly Publisher<DiagnosticArray> _publisher;
    private readonly PolicyDiagnostics _content;
    private readonly TimeProvider _time;
    private readonly TimeSpan _period;
    private TimeSpan? _last;

    public PolicyDiagnosticsPublisher(ITransport transport, TimeProvider time, TimeSpan period)
    {
        _publisher = transport.CreatePublisher<DiagnosticArray>("/diagnostics", QosProfiles.Default, 2048);
        _content = new PolicyDiagnostics(transport.NodeName);
        (_time, _period) = (time, period);
    }

    /// <summary>Publishes when a period has passed since the last message (the first tick primes the rate window).</summary>
    public void MaybePublish(TimeSpan now, PolicyNode node, PolicyRuntime? runtime)
    {
        if (_last is { } last && now - last < _period)
        {
            return;
        }

        var message = new DiagnosticArray { Status = [.. _content.Build(now, node, runtime)] };
        RosStamp.Now(_time, message.Header.Stamp);
        if (_last is not null)
        {
            _publisher.Publish(message);
        }

        _last = now;
    }

    public void Dispose() => _publisher.Dispose();
}
