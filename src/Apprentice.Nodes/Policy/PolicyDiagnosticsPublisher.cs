using Apprentice.Dds.Transport;
using Apprentice.Nodes.Diagnostics;

namespace Apprentice.Nodes.Policy;

/// <summary>
/// Publishes the <see cref="PolicyDiagnostics"/> content on <c>/diagnostics</c> once per period, driven by the
/// node's ticks (no timer, so lockstep runs stay deterministic), through the shared <see cref="DiagnosticsPublisher"/>.
/// </summary>
internal sealed class PolicyDiagnosticsPublisher : IDisposable
{
    private readonly DiagnosticsPublisher _publisher;
    private readonly PolicyDiagnostics _content;
    private readonly TimeSpan _period;
    private TimeSpan? _last;

    public PolicyDiagnosticsPublisher(ITransport transport, TimeProvider time, TimeSpan period)
    {
        _publisher = new DiagnosticsPublisher(transport, time); // never started: the ticks pace it
        _content = new PolicyDiagnostics(transport.NodeName);
        _period = period;
    }

    /// <summary>Publishes when a period has passed since the last message (the first tick primes the rate window).</summary>
    public void MaybePublish(TimeSpan now, PolicyNode node, PolicyRuntime? runtime)
    {
        if (_last is { } last && now - last < _period)
        {
            return;
        }

        var statuses = _content.Build(now, node, runtime);
        if (_last is not null)
        {
            _publisher.Publish([.. statuses]);
        }

        _last = now;
    }

    public void Dispose() => _publisher.Dispose();
}
