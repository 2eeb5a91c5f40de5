using Apprentice.Core.Time;
using Apprentice.Dds.Transport;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.GeometryMsgs;
using Apprentice.Ros.Msgs.StdMsgs;
using Apprentice.Ros.Qos;
using Serilog;

namespace Apprentice.Nodes.Policy;

/// <summary>
/// The human takeover command (twist_mux style): the newest command and when it arrived. Joint
/// velocities from <c>Float64MultiArray</c> (one per commanded joint), or a base twist mapped onto
/// the command axes (2 axes: linear x, angular z; 3 axes: linear x, linear y, angular z). Commands
/// of the wrong size or with NaN are rejected and counted.
/// </summary>
/// <remarks>Written on the receive thread under a small lock; read on the control thread. Allocation-free per sample.</remarks>
internal sealed class TakeoverInput : IDisposable
{
    private readonly TakeoverOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly double[] _command;
    private TimeSpan _receivedAt = TimeSpan.MinValue;
    private IDisposable? _subscription;

    public TakeoverInput(TakeoverOptions options, int dimension, TimeProvider time)
    {
        _options = options;
        _time = time;
        _command = new double[dimension];
        Stats = new InputStats("takeover", options.Input.Topic);
    }

    /// <summary>Counters for diagnostics.</summary>
    public InputStats Stats { get; }

    /// <summary>The takeover's name (Intervention.source).</summary>
    public string Name => _options.Name;

    public void Subscribe(ITransport transport, ILogger log)
    {
        var input = _options.Input;
        var qos = QosProfiles.ByName(input.Qos);
        _subscription = input.Type switch
        {
            "geometry_msgs/msg/Twist" => transport.CreateSubscription<Twist>(input.Topic, qos, (m, _) => OnTwist(m), log: log),
            "geometry_msgs/msg/TwistStamped" => transport.CreateSubscription<TwistStamped>(input.Topic, qos, (m, _) => OnTwist(m.Twist), log: log),
            _ => transport.CreateSubscription<Float64MultiArray>(input.Topic, qos, (m, _) => Store(m.Data), log: log),
        };
    }

    /// <summary>Copies the command into <paramref name="command"/> when it is younger than the timeout at <paramref name="now"/>.</summary>
    public bool TryGetFresh(TimeSpan now, Span<double> command)
    {
        lock (_gate)
        {
            if (_receivedAt == TimeSpan.MinValue || now - _receivedAt > _options.Input.Timeout || now < _receivedAt - _options.Input.Timeout)
            {
                return false;
            }

            _command.CopyTo(command);
            return true;
        }
    }

    /// <summary>Forgets the last command (reset, deactivate).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _receivedAt = TimeSpan.MinValue;
        }
    }

    public void Dispose() => _subscription?.Dispose();

    private void OnTwist(Twist t)
    {
        Span<double> axes = stackalloc double[3];
        if (_command.Length == 2)
        {
            (axes[0], axes[1]) = (t.Linear.X, t.Angular.Z);
        }
        else
        {
            (axes[0], axes[1], axes[2]) = (t.Linear.X, t.Linear.Y, t.Angular.Z);
        }

        Store(axes[..Math.Min(3, _command.Length)]);
    }

    private void Store(ReadOnlySpan<double> values)
    {
        var now = MonotonicTime.Now(_time);
        var ok = values.Length == _command.Length;
        foreach (var v in values)
        {
            ok &= double.IsFinite(v);
        }

        if (ok)
        {
            lock (_gate)
            {
                values.CopyTo(_command);
                _receivedAt = now;
            }
        }

        Stats.Count(ok, now);
    }
}
