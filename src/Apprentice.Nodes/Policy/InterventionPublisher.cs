using Apprentice.Dds.Transport;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.Apprentice;
using Apprentice.Ros.Qos;

namespace Apprentice.Nodes.Policy;

/// <summary>
/// Publishes <c>apprentice/msg/Intervention</c> on <c>/apprentice/intervention</c> when a human
/// takeover starts and ends, and every <c>period</c> while it lasts, so a recorder that joins late
/// still learns of it. Control thread; allocation-free.
/// </summary>
internal sealed class InterventionPublisher : IDisposable
{
    /// <summary>The topic, shared with the recorder.</summary>
    public const string Topic = "/apprentice/intervention";

    private readonly Publisher<Intervention> _publisher;
    private readonly Intervention _message = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _period;
    private bool _active;
    private TimeSpan _lastSent;

    public InterventionPublisher(ITransport transport, TimeProvider time, TimeSpan period)
    {
        _publisher = transport.CreatePublisher<Intervention>(Topic, QosProfiles.Default);
        (_time, _period) = (time, period);
    }

    /// <summary>Interventions started so far.</summary>
    public long Started { get; private set; }

    /// <summary>Feeds the tick's takeover state at monotonic <paramref name="now"/>.</summary>
    public void Update(TimeSpan now, bool active, string source)
    {
        if (active != _active)
        {
            _active = active;
            if (active)
            {
                Started++;
                RosStamp.Now(_time, _message.Started);
            }

            Send(now, source);
        }
        else if (active && now - _lastSent >= _period)
        {
            Send(now, source);
        }
    }

    public void Dispose() => _publisher.Dispose();

    private void Send(TimeSpan now, string source)
    {
        RosStamp.Now(_time, _message.Header.Stamp);
        _message.Active = _active;
        _message.Source = source;
        _publisher.Publish(_message);
        _lastSent = now;
    }
}
