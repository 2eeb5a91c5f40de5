using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Services;
using Apprentice.Dds.Timing;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.RclInterfaces;
using Apprentice.Ros.Msgs.RosgraphMsgs;
using Apprentice.Ros.Names;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Parameters;

/// <summary>
/// Serves a node's <see cref="ParameterStore"/> the way rclcpp does, so <c>ros2 param</c> works:
/// <c>~/get_parameters</c>, <c>~/set_parameters</c>, <c>~/set_parameters_atomically</c>,
/// <c>~/list_parameters</c>, <c>~/describe_parameters</c>, <c>~/get_parameter_types</c> (reliable,
/// volatile, keep-last 1000) and <c>/parameter_events</c> (the same QoS) for every declaration and
/// change. Declares <c>use_sim_time</c> (bool, false) unless already declared; with a
/// <see cref="RosTimeProvider"/>, turning it on subscribes to <c>/clock</c> and feeds that clock.
/// </summary>
/// <remarks>Service handlers run on the node's receive thread. Dispose before the node.</remarks>
public sealed class ParameterServer : IDisposable
{
    /// <summary>The parameter that switches a node to <c>/clock</c> time.</summary>
    public const string UseSimTime = "use_sim_time";

    private readonly DdsNode _node;
    private readonly ParameterStore _store;
    private readonly TimeProvider _time;
    private readonly RosTimeProvider? _rosTime;
    private readonly Publisher<ParameterEvent> _events;
    private readonly List<DdsServiceServer> _services = [];
    private readonly Lock _clockGate = new();
    private Subscription<Clock>? _clock;

    /// <summary>Creates the services and the event publisher on <paramref name="node"/>.</summary>
    /// <param name="node">The node to serve on.</param>
    /// <param name="store">The parameters; may already hold declarations.</param>
    /// <param name="time">Stamps parameter events; when it is a <see cref="RosTimeProvider"/>, <c>use_sim_time</c> drives it.</param>
    public ParameterServer(DdsNode node, ParameterStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        (_node, _store, _time, _rosTime) = (node, store, time, time as RosTimeProvider);
        NodeFullName = RosNames.FullyQualifiedNodeName(node.NodeName, node.Namespace);
        _events = node.CreatePublisher<ParameterEvent>("/parameter_events", QosProfiles.ParameterEvents);
        _store.Changed += OnChanged;
        var q = QosProfiles.Parameters;
        _services.Add(node.CreateService<GetParametersService, GetParametersRequest, GetParametersResponse>("~/get_parameters", q, r => new() { Values = store.GetMany(r.Names) ?? [] }));
        _services.Add(node.CreateService<GetParameterTypesService, GetParameterTypesRequest, GetParameterTypesResponse>("~/get_parameter_types", q, r => new() { Types = store.Types(r.Names) ?? [] }));
        _services.Add(node.CreateService<DescribeParametersService, DescribeParametersRequest, DescribeParametersResponse>("~/describe_parameters", q, r => new() { Descriptors = store.Describe(r.Names) ?? [] }));
        _services.Add(node.CreateService<ListParametersService, ListParametersRequest, ListParametersResponse>("~/list_parameters", q, r => new() { Result = store.List(r.Prefixes, r.Depth) }));
        _services.Add(node.CreateService<SetParametersService, SetParametersRequest, SetParametersResponse>("~/set_parameters", q, r => new() { Results = store.Set(r.Parameters) }));
        _services.Add(node.CreateService<SetParametersAtomicallyService, SetParametersAtomicallyRequest, SetParametersAtomicallyResponse>("~/set_parameters_atomically", q, r => new() { Result = store.SetAll(r.Parameters) }));
        if (store.Get(UseSimTime) is null)
        {
            store.Declare(new ParameterDeclaration(UseSimTime, ParameterValues.Of(false)) { Description = "Take ROS time from /clock instead of the wall clock." });
        }

        ApplySimTime(store.Get(UseSimTime));
    }

    /// <summary>The node's fully-qualified name, as parameter events carry it.</summary>
    public string NodeFullName { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        _store.Changed -= OnChanged;
        foreach (var s in _services)
        {
            s.Dispose();
        }

        lock (_clockGate)
        {
            _clock?.Dispose();
            _clock = null;
        }

        _events.Dispose();
    }

    private void OnChanged(IReadOnlyList<Parameter> declared, IReadOnlyList<Parameter> changed)
    {
        foreach (var p in declared.Concat(changed).Where(p => p.Name == UseSimTime))
        {
            ApplySimTime(p.Value);
        }

        var now = (_time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
        var e = new ParameterEvent
        {
            Stamp = new() { Sec = (int)(now / 1_000_000_000), Nanosec = (uint)(now % 1_000_000_000) },
            Node = NodeFullName,
            NewParameters = [.. declared],
            ChangedParameters = [.. changed],
        };
        _ = _events.Publish(e);
    }

    private void ApplySimTime(ParameterValue? value)
    {
        var on = value is { Type: ParameterType.PARAMETER_BOOL, BoolValue: true };
        if (_rosTime is null)
        {
            return;
        }

        lock (_clockGate)
        {
            if (on && _clock is null)
            {
                // Best effort reads from reliable and best-effort /clock publishers alike.
                _clock = _node.CreateSubscription<Clock>("/clock", QosProfiles.SensorData with { Depth = 1 }, (m, _) => _rosTime.SetClock(m.ClockValue));
            }
            else if (!on && _clock is not null)
            {
                _clock.Dispose();
                _clock = null;
            }

            _rosTime.SetUseSimTime(on);
        }
    }
}
