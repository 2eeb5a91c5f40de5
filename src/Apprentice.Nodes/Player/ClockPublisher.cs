using Apprentice.Dds.Transport;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Msgs.RosgraphMsgs;
using Apprentice.Ros.Qos;

namespace Apprentice.Nodes.Player;

/// <summary>
/// Publishes <c>/clock</c> (rosgraph_msgs/Clock) with the player's bag time on a periodic timer of
/// the injected <see cref="TimeProvider"/>, for nodes running with <c>use_sim_time</c>.
/// </summary>
internal sealed class ClockPublisher : IDisposable
{
    /// <summary>rclcpp's ClockQoS: keep-last 1, best effort.</summary>
    public static readonly QosProfile Qos = QosProfiles.Default with { Depth = 1, Reliability = ReliabilityPolicy.BestEffort };

    private readonly IRawPublisher _publisher;
    private readonly TimeProvider _time;
    private readonly TimeSpan _period;
    private readonly Func<long> _bagNowNs;
    private readonly Clock _message = new();
    private readonly byte[] _buffer = new byte[64];
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private bool _running;

    public ClockPublisher(ITransport transport, TimeProvider time, TimeSpan period, Func<long> bagNowNs)
    {
        _publisher = transport.CreateRawPublisher("/clock", Clock.RosTypeName, Qos);
        _time = time;
        _period = period;
        _bagNowNs = bagNowNs;
    }

    /// <summary>Clock messages published so far.</summary>
    public long PublishedCount { get; private set; }

    public void Start()
    {
        lock (_gate)
        {
            // Set first: a timer due now may fire inside CreateTimer.
            _running = true;
            _timer ??= _time.CreateTimer(_ => Tick(), null, TimeSpan.Zero, _period);
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            _running = false;
            _timer?.Dispose();
            _timer = null;
        }
    }

    public void Dispose()
    {
        Stop();
        _publisher.Dispose();
    }

    private void Tick()
    {
        lock (_gate)
        {
            if (!_running)
            {
                return;
            }

            var ns = _bagNowNs();
            _message.ClockValue.Sec = (int)Math.Floor(ns / 1e9);
            _message.ClockValue.Nanosec = (uint)(ns - ((long)_message.ClockValue.Sec * 1_000_000_000));
            var n = RosMessageCodec.Encode(_message, _buffer);
            if (_publisher.Publish(_buffer.AsSpan(0, n)) == PublishOutcome.Published)
            {
                PublishedCount++;
            }
        }
    }
}
