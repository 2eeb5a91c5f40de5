using Apprentice.Dds.Transport;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Msgs.DiagnosticMsgs;
using Apprentice.Ros.Qos;

namespace Apprentice.Nodes.Diagnostics;

/// <summary>
/// Publishes <c>/diagnostics</c> (diagnostic_msgs/DiagnosticArray) for one node in the
/// diagnostic_updater conventions: one status per registered task, named
/// <c>"&lt;node name&gt;: &lt;task&gt;"</c>, all tasks in one array per report, by default every
/// second on the injected clock (<see cref="Start"/>) or whenever the caller says
/// (<see cref="PublishNow"/>, for lockstep runs).
/// </summary>
/// <remarks>
/// Thread-safe: tasks may be added and removed from any thread; reports run on the timer's thread
/// (or the caller's). A task that throws is reported as ERROR with the exception's message instead
/// of stopping the others. Not for hot paths (each report allocates).
/// </remarks>
public sealed class DiagnosticsPublisher : IDisposable
{
    /// <summary>The topic diagnostic_updater publishes on.</summary>
    public const string Topic = "/diagnostics";

    private readonly TimeProvider _time;
    private readonly TimeSpan _period;
    private readonly string _prefix;
    private readonly string _hardwareId;
    private readonly IRawPublisher _publisher;
    private readonly List<(string Name, Action<DiagnosticStatusBuilder> Run)> _tasks = [];
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private bool _disposed;

    /// <summary>Creates the <c>/diagnostics</c> publisher on <paramref name="transport"/> (reports start with <see cref="Start"/>).</summary>
    /// <param name="transport">The node's transport; its node name prefixes every status name.</param>
    /// <param name="time">Clock of the timer and of the header stamps.</param>
    /// <param name="period">Report period; default 1 s (diagnostic_updater's default).</param>
    /// <param name="hardwareId">Written into every status' <c>hardware_id</c>; default empty.</param>
    public DiagnosticsPublisher(ITransport transport, TimeProvider time, TimeSpan? period = null, string hardwareId = "")
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _period = period ?? TimeSpan.FromSeconds(1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_period, TimeSpan.Zero);
        _prefix = transport.NodeName + ": ";
        _hardwareId = hardwareId ?? "";
        _publisher = transport.CreateRawPublisher(Topic, DiagnosticArray.RosTypeName, QosProfiles.Default);
    }

    /// <summary>Raised after each report with what was published (on the reporting thread).</summary>
    public event Action<DiagnosticArray>? Published;

    /// <summary>Registers a task reported as <c>"&lt;node&gt;: <paramref name="name"/>"</c>; a task of the same name is replaced.</summary>
    public void Add(string name, Action<DiagnosticStatusBuilder> task)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(task);
        lock (_gate)
        {
            _tasks.RemoveAll(t => t.Name == name);
            _tasks.Add((name, task));
        }
    }

    /// <summary>Removes a task; false when there was none of that name.</summary>
    public bool Remove(string name)
    {
        lock (_gate)
        {
            return _tasks.RemoveAll(t => t.Name == name) > 0;
        }
    }

    /// <summary>Starts periodic reports on the injected clock (first one after one period). Idempotent.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _timer ??= _time.CreateTimer(_ => PublishNow(), null, _period, _period);
        }
    }

    /// <summary>Runs every task now and publishes one array; returns it. Does nothing (returns null) after dispose.</summary>
    public DiagnosticArray? PublishNow()
    {
        List<(string Name, Action<DiagnosticStatusBuilder> Run)> tasks;
        lock (_gate)
        {
            if (_disposed)
            {
                return null;
            }

            tasks = [.. _tasks];
        }

        var statuses = new DiagnosticStatus[tasks.Count];
        for (var i = 0; i < tasks.Count; i++)
        {
            var status = new DiagnosticStatusBuilder();
            try
            {
                tasks[i].Run(status);
            }
#pragma warning disable CA1031 // one broken task must not silence the node's other diagnostics
            catch (Exception e)
#pragma warning restore CA1031
            {
                status.Summary(DiagnosticStatus.ERROR, "diagnostic task failed: " + e.Message);
            }

            statuses[i] = status.Build(_prefix + tasks[i].Name, _hardwareId);
        }

        return Publish(statuses);
    }

    /// <summary>
    /// Publishes <paramref name="statuses"/> as one array stamped now — for a node that builds its
    /// statuses itself (the policy node does, from its control tick, so lockstep runs stay deterministic).
    /// </summary>
    public DiagnosticArray Publish(DiagnosticStatus[] statuses)
    {
        var array = new DiagnosticArray { Status = statuses };
        Policy.RosStamp.Now(_time, array.Header.Stamp);
        _ = _publisher.Publish(RosMessageCodec.Encode(array));
        Published?.Invoke(array);
        return array;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer?.Dispose();
        }

        _publisher.Dispose();
    }
}
