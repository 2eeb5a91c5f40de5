using Apprentice.Dds.Transport;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.BuiltinInterfaces;
using Apprentice.Ros.Msgs.GeometryMsgs;
using Apprentice.Ros.Msgs.RosgraphMsgs;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Msgs.StdMsgs;
using Apprentice.Ros.Msgs.TrajectoryMsgs;
using Apprentice.Ros.Qos;
using Apprentice.Sim.Perturbations;
using Apprentice.Sim.Physics;
using Apprentice.Sim.Scene;
using Apprentice.Sim.Tasks;
using Serilog;

namespace Apprentice.Sim.Nodes;

/// <summary>
/// The reach simulation as a ROS 2 node ("sim") over any <see cref="ITransport"/>: publishes /joint_states, /scan,
/// /goal_pose, /clock and (optionally) /camera/image_raw on the simulated clock, and takes joint commands from the
/// forward velocity/position controllers' topics and the joint trajectory controller's topic. Subscription callbacks
/// only validate and store; <see cref="Step"/> applies the newest command, advances physics and publishes what is
/// due, so a caller can run it in lockstep. Sensor dropouts and delays of the episode's
/// <see cref="PerturbationSchedule"/> act on publishing. <see cref="Step"/> and <see cref="Reset"/> must be called
/// from one thread at a time.
/// </summary>
public sealed partial class SimNode : IDisposable
{
    private static readonly QosProfile Qos = QosProfiles.Default;
    private readonly ReachSimulation _sim;
    private readonly ILogger _log;
    private readonly CommandInbox _inbox = new();
    private readonly List<IDisposable> _endpoints = [];
    private readonly DelayLine<JointState> _jointStates;
    private readonly DelayLine<LaserScan> _scans;
    private readonly DelayLine<PoseStamped> _goals;
    private readonly Publisher<Clock> _clock;
    private readonly Publisher<Image>? _camera;
    private readonly Clock _clockMessage = new();
    private readonly JointState _jointState;
    private readonly LaserScan _scan;
    private readonly PoseStamped _goal;
    private readonly Image? _image;
    private readonly double[] _command = new double[7];
    private readonly (TimeSpan Period, Action<TimeSpan> Publish)[] _schedule;
    private readonly TimeSpan[] _due;
    private TimeSpan _episodeStart;
    private TimeSpan _remainder;
    private readonly Lock _resetGate = new();
    private bool _resetRequested;
    private ReachEpisode? _requestedEpisode;
    private long _clocks;
    private long _images;
    private bool _endReported;

    /// <summary>Creates the node's publishers and subscriptions on <paramref name="transport"/> and publishes the initial state.</summary>
    /// <param name="transport">The node's transport (DdsNode or InMemoryTransport).</param>
    /// <param name="simulation">The simulation it owns the stepping of (not disposed by the node).</param>
    /// <param name="camera">Publish /camera/image_raw (needs EGL; throws <see cref="RenderUnavailableException"/> otherwise).</param>
    /// <param name="log">Logger.</param>
    /// <param name="clock">The sim clock it advances (give the one the transport was created with); null = a new one.</param>
    public SimNode(ITransport transport, ReachSimulation simulation, bool camera, ILogger log, SimClock? clock = null)
    {
        Clock = clock ?? new SimClock();
        ArgumentNullException.ThrowIfNull(transport);
        _sim = simulation ?? throw new ArgumentNullException(nameof(simulation));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        var o = simulation.Options;
        _jointStates = new DelayLine<JointState>(Own(transport.CreatePublisher<JointState>(SimTopics.JointStates, Qos, 512)));
        _scans = new DelayLine<LaserScan>(Own(transport.CreatePublisher<LaserScan>(SimTopics.Scan, Qos, 1024)));
        _goals = new DelayLine<PoseStamped>(Own(transport.CreatePublisher<PoseStamped>(SimTopics.GoalPose, Qos)));
        _clock = Own(transport.CreatePublisher<Clock>(SimTopics.Clock, Qos));
        _jointState = NewJointState();
        _scan = NewScan();
        _goal = NewGoal();
        var schedule = new List<(TimeSpan, Action<TimeSpan>)>
        {
            (Period(o.JointStateRateHz), PublishJointState),
            (Period(o.ScanRateHz), PublishScan),
            (Period(o.GoalRateHz), PublishGoal),
            (Period(o.ClockRateHz), _ => PublishClock()),
        };
        if (camera)
        {
            simulation.EnableCamera();
            _camera = Own(transport.CreatePublisher<Image>(SimTopics.Camera, Qos, (o.CameraWidth * o.CameraHeight * 3) + 256));
            _image = new Image
            {
                Header = new Header { FrameId = o.CameraFrameId, Stamp = new Time() },
                Width = (uint)o.CameraWidth,
                Height = (uint)o.CameraHeight,
                Encoding = "rgb8",
                Step = (uint)(o.CameraWidth * 3),
                Data = new byte[o.CameraWidth * o.CameraHeight * 3],
            };
            schedule.Add((Period(o.CameraRateHz), PublishImage));
        }

        _schedule = [.. schedule];
        _due = new TimeSpan[_schedule.Length];
        Own(transport.CreateSubscription<Float64MultiArray>(SimTopics.VelocityCommands, Qos, (m, _) => OnArray(CommandMode.Velocity, m, SimTopics.VelocityCommands)));
        Own(transport.CreateSubscription<Float64MultiArray>(SimTopics.PositionCommands, Qos, (m, _) => OnArray(CommandMode.Position, m, SimTopics.PositionCommands)));
        Own(transport.CreateSubscription<JointTrajectory>(SimTopics.JointTrajectory, Qos, OnTrajectory));
        PublishDue();
    }

    /// <summary>Simulated time (monotonic across resets); pass it to nodes that should run on sim time.</summary>
    public SimClock Clock { get; }

    /// <summary>The simulation this node steps.</summary>
    public ReachSimulation Simulation => _sim;

    /// <summary>Raised once per episode, on the stepping thread, when its outcome is decided.</summary>
    public event Action<EpisodeResult>? EpisodeEnded;

    /// <summary>Publication and command counts.</summary>
    public SimNodeCounters Counters => new(
        _jointStates.Published, _scans.Published, _goals.Published, _clocks, _images, _inbox.AcceptedCount, _inbox.RejectedCount, _inbox.LastRejection);

    /// <summary>
    /// Asks for a reset from any thread (e.g. the /sim/reset service): the next <see cref="Step"/> starts
    /// <paramref name="episode"/>, or the next episode of the current seed (index + 1) when null.
    /// </summary>
    public void RequestReset(ReachEpisode? episode = null)
    {
        lock (_resetGate)
        {
            _resetRequested = true;
            _requestedEpisode = episode;
        }
    }

    /// <summary>Starts <paramref name="episode"/> (the clock keeps running) and publishes the new state at once.</summary>
    public void Reset(ReachEpisode episode, PerturbationSchedule? perturbations = null)
    {
        _sim.Reset(episode, perturbations);
        _inbox.TryTake(_command, out _);
        _jointStates.Clear();
        _scans.Clear();
        _goals.Clear();
        _episodeStart = Clock.Elapsed;
        _endReported = false;
        Array.Fill(_due, Clock.Elapsed);
        PublishDue();
    }

    /// <summary>
    /// Advances the simulation by <paramref name="duration"/>: applies the newest received command, steps physics up to
    /// each publication that falls due, publishes it (stamped with sim time), and repeats. Physics advances in whole
    /// 2 ms steps; a remainder carries over to the next call. Raises <see cref="EpisodeEnded"/> when the outcome is
    /// decided (the simulation keeps running until the caller resets it).
    /// </summary>
    public void Step(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        ApplyResetRequest();
        var end = Clock.Elapsed + duration + _remainder;
        var physics = _sim.PhysicsStep;
        while (true)
        {
            var next = end;
            foreach (var due in _due)
            {
                next = due < next ? due : next;
            }

            // Whole physics steps only, so sim time and the MuJoCo state never disagree.
            var span = next - Clock.Elapsed;
            var steps = Math.Max(span.Ticks / physics.Ticks, next < end ? 1 : 0);
            if (steps == 0)
            {
                _remainder = end - Clock.Elapsed;
                break;
            }

            ApplyCommand();
            var before = _sim.EpisodeTime;
            _sim.Step(TimeSpan.FromTicks(steps * physics.Ticks));
            Clock.Advance(_sim.EpisodeTime - before);
            PublishDue();
            ReportEnd();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var e in _endpoints)
        {
            e.Dispose();
        }
    }

    private static TimeSpan Period(double hz) => TimeSpan.FromTicks((long)Math.Round(TimeSpan.TicksPerSecond / hz));

    private static Time Stamp(long ns) => new() { Sec = (int)(ns / 1_000_000_000), Nanosec = (uint)(ns % 1_000_000_000) };

    private T Own<T>(T endpoint)
        where T : IDisposable
    {
        _endpoints.Add(endpoint);
        return endpoint;
    }

    private void OnArray(CommandMode mode, Float64MultiArray message, string topic)
    {
        if (_inbox.Offer(mode, message.Data, topic) != CommandRejection.None)
        {
            _log.Warning("sim: command rejected, robot keeps its previous command: {Reason}", _inbox.LastRejection);
        }
    }

    private void OnTrajectory(JointTrajectory message, MessageInfo info)
    {
        var positions = message.Points.Length > 0 ? message.Points[0].Positions : [];
        if (_inbox.OfferTrajectory(message.JointNames, positions, SimTopics.JointTrajectory) != CommandRejection.None)
        {
            _log.Warning("sim: trajectory rejected, robot keeps its previous command: {Reason}", _inbox.LastRejection);
        }
    }

    private void ApplyResetRequest()
    {
        ReachEpisode? episode;
        lock (_resetGate)
        {
            if (!_resetRequested)
            {
                return;
            }

            (episode, _resetRequested, _requestedEpisode) = (_requestedEpisode, false, null);
        }

        var current = _sim.Episode;
        Reset(episode ?? _sim.Task.Generate(current.Seed, current.Index + 1));
    }

    private void ApplyCommand()
    {
        if (!_inbox.TryTake(_command, out var mode))
        {
            return;
        }

        _ = mode == CommandMode.Position ? _sim.CommandPosition(_command) : _sim.CommandVelocity(_command);
    }

    private void PublishDue()
    {
        var now = Clock.Elapsed;
        for (var i = 0; i < _schedule.Length; i++)
        {
            if (_due[i] <= now)
            {
                _schedule[i].Publish(now);
                while (_due[i] <= now)
                {
                    _due[i] += _schedule[i].Period;
                }
            }
        }

        var episodeNow = now - _episodeStart;
        _jointStates.Flush(episodeNow);
        _scans.Flush(episodeNow);
        _goals.Flush(episodeNow);
    }

    private void ReportEnd()
    {
        if (!_endReported && _sim.Outcome != ReachOutcome.Running)
        {
            _endReported = true;
            EpisodeEnded?.Invoke(EpisodeResult.From(_sim));
        }
    }

    private bool Suppressed(string topic, out TimeSpan episodeNow, out TimeSpan delay)
    {
        episodeNow = Clock.Elapsed - _episodeStart;
        delay = _sim.Perturbations.DelayOf(topic, episodeNow);
        return _sim.Perturbations.IsDropped(topic, episodeNow);
    }
}
