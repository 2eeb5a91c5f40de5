using Apprentice.Safety.Geometry;
using Apprentice.Sim.Perturbations;
using Apprentice.Sim.Physics;
using Apprentice.Sim.Scene;
using Apprentice.Sim.Tasks;

namespace Apprentice.Sim;

/// <summary>
/// The reach task in MuJoCo without any transport: reset to a seeded episode, command the arm (velocity or
/// position, ros2_control style over stiff position servos with gravity compensation), advance physics by a time
/// span, and read joints, TCP, target, scan, camera, collisions, clearance and the episode outcome. Deterministic:
/// the same episode, perturbations and command sequence give the same bytes of state. Not thread-safe: one thread
/// commands, steps and reads it (<see cref="Nodes.SimNode"/> serialises transport input onto that thread).
/// </summary>
public sealed partial class ReachSimulation : IDisposable
{
    private const int CheckEverySteps = 5;
    private readonly double[] _rate = new double[7];
    private readonly double[] _feedforward = new double[7];
    private readonly double[] _damping = new double[7];
    private readonly double[] _ctrl = new double[7];
    private readonly double[] _q = new double[7];
    private readonly double[] _impulse = new double[7];
    private readonly Contact[] _contacts = new Contact[256];
    private readonly bool[] _inCollision;
    private readonly bool[] _wasInCollision;
    private readonly long _dtTicks;
    private long _pendingTicks;
    private long _steps;
    private TimeSpan _lastCommandAt;
    private int _nextPush;
    private Vec3? _intrusion;

    private ReachSimulation(ReachOptions options, MujocoModel model)
    {
        Options = options;
        Model = model;
        Scene = new ReachScene(model, $"'{options.ScenePath}'");
        Task = new ReachTask(options.Task);
        Monitor = new ReachMonitor(options.Task);
        model.GetDofDamping(_damping);
        _dtTicks = (long)Math.Round(model.TimestepSec * TimeSpan.TicksPerSecond);
        if (_dtTicks <= 0 || Math.Abs((_dtTicks / (double)TimeSpan.TicksPerSecond) - model.TimestepSec) > 1e-12)
        {
            throw new SceneLoadException($"Scene '{options.ScenePath}': the physics time step {model.TimestepSec} s must be a whole number of 100 ns ticks.");
        }

        _inCollision = new bool[model.GeomCount];
        _wasInCollision = new bool[model.GeomCount];
        Reset(Task.Generate(0, 0));
    }

    /// <summary>Loads the scene named by <paramref name="options"/>.</summary>
    /// <exception cref="SceneLoadException">Missing or invalid scene, or one lacking the reach scene's elements.</exception>
    /// <exception cref="MujocoUnavailableException">libmujoco or the shim is not installed.</exception>
    public static ReachSimulation Load(ReachOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var model = MujocoModel.LoadFile(options.ScenePath);
        try
        {
            return new ReachSimulation(options, model);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>The configuration.</summary>
    public ReachOptions Options { get; }

    /// <summary>The MuJoCo model (for queries the simulation does not wrap).</summary>
    public MujocoModel Model { get; }

    /// <summary>Resolved scene ids.</summary>
    public ReachScene Scene { get; }

    /// <summary>The episode generator.</summary>
    public ReachTask Task { get; }

    /// <summary>Success/time-out judgement of the current episode.</summary>
    public ReachMonitor Monitor { get; }

    /// <summary>The current episode.</summary>
    public ReachEpisode Episode { get; private set; } = null!;

    /// <summary>The current episode's perturbations.</summary>
    public PerturbationSchedule Perturbations { get; private set; } = PerturbationSchedule.None;

    /// <summary>Simulated time since the last reset.</summary>
    public TimeSpan EpisodeTime => TimeSpan.FromTicks(_steps * _dtTicks);

    /// <summary>Physics time step (2 ms in the reach scene).</summary>
    public TimeSpan PhysicsStep => TimeSpan.FromTicks(_dtTicks);

    /// <summary>Current controller mode.</summary>
    public CommandMode Mode { get; private set; }

    /// <summary>Arm-vs-table/obstacle collisions this episode: each time an arm geom starts penetrating a world geom (checked every 10 ms) counts once.</summary>
    public int CollisionCount { get; private set; }

    /// <summary>Smallest arm-to-obstacle surface distance this episode [m]; +∞ while it stayed beyond the obstacle's 0.3 m contact margin.</summary>
    public double MinClearanceM { get; private set; }

    /// <summary>Outcome of the current episode.</summary>
    public ReachOutcome Outcome => Monitor.Outcome;

    /// <summary>Starts <paramref name="episode"/>: joints at its start pose (zero velocity), targets held there, target and obstacle placed.</summary>
    public void Reset(ReachEpisode episode, PerturbationSchedule? perturbations = null)
    {
        ArgumentNullException.ThrowIfNull(episode);
        Episode = episode;
        Perturbations = perturbations ?? PerturbationSchedule.None;
        Model.Reset();
        for (var i = 0; i < 7; i++)
        {
            _q[i] = episode.InitialJointPositions[i];
        }

        Model.SetQpos(_q);
        Model.SetCtrl(_q);
        Model.SetMocapPosition(Scene.TargetBody, episode.Target.X, episode.Target.Y, episode.Target.Z);
        PlaceObstacle(episode.ObstaclePark);
        Model.Forward();
        (_steps, _pendingTicks, _nextPush, _lastCommandAt, _intrusion) = (0, 0, 0, TimeSpan.Zero, null);
        Mode = CommandMode.Hold;
        Array.Clear(_rate);
        Array.Clear(_feedforward);
        Array.Clear(_wasInCollision);
        CollisionCount = 0;
        MinClearanceM = double.PositiveInfinity;
        Monitor.Reset();
        Observe();
    }

    /// <summary>Forward velocity command [rad/s], panda_joint1..7. A refused command leaves the previous one in force.</summary>
    public CommandRejection CommandVelocity(ReadOnlySpan<double> qdot)
    {
        var check = Check(qdot);
        if (check != CommandRejection.None)
        {
            return check;
        }

        for (var i = 0; i < 7; i++)
        {
            _rate[i] = qdot[i];
            _feedforward[i] = _damping[i] * qdot[i];
        }

        (Mode, _lastCommandAt) = (CommandMode.Velocity, EpisodeTime);
        return CommandRejection.None;
    }

    /// <summary>Forward position command [rad] (clamped to the joint limits by the actuators).</summary>
    public CommandRejection CommandPosition(ReadOnlySpan<double> q)
    {
        var check = Check(q);
        if (check != CommandRejection.None)
        {
            return check;
        }

        Array.Clear(_rate);
        Array.Clear(_feedforward);
        Model.SetCtrl(q[..7]);
        (Mode, _lastCommandAt) = (CommandMode.Position, EpisodeTime);
        return CommandRejection.None;
    }

    /// <summary>Stops velocity integration; the arm holds its current position target.</summary>
    public void Hold()
    {
        Array.Clear(_rate);
        Array.Clear(_feedforward);
        Mode = CommandMode.Hold;
    }

    /// <summary>
    /// Advances physics by <paramref name="duration"/> (accumulated in whole physics steps; a remainder carries over),
    /// applying perturbations, the command time-out and the collision/clearance/outcome bookkeeping every 10 ms.
    /// Allocation-free.
    /// </summary>
    public void Step(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        _pendingTicks += duration.Ticks;
        var steps = _pendingTicks / _dtTicks;
        _pendingTicks -= steps * _dtTicks;
        while (steps > 0)
        {
            var n = (int)Math.Min(steps, CheckEverySteps - (_steps % CheckEverySteps));
            ApplyPerturbations();
            if (Mode == CommandMode.Velocity && EpisodeTime - _lastCommandAt > Options.CommandTimeout)
            {
                Hold();
            }

            Model.Step(n, compensateBias: true, _feedforward, _rate);
            _steps += n;
            steps -= n;
            Observe();
        }
    }

    /// <summary>Joint positions [rad] (7).</summary>
    public void GetJointPositions(Span<double> into) => Model.GetQpos(into);

    /// <summary>Joint velocities [rad/s] (7).</summary>
    public void GetJointVelocities(Span<double> into) => Model.GetQvel(into);

    /// <summary>Current position targets of the servos [rad] (7).</summary>
    public void GetPositionTargets(Span<double> into) => Model.GetCtrl(into);

    /// <summary>TCP position [m] in panda_link0.</summary>
    public Vec3 Tcp => ToVec(Model.SitePosition(Scene.TcpSite));

    /// <summary>Target position [m].</summary>
    public Vec3 Target => ToVec(Model.BodyPosition(Scene.TargetBody));

    /// <summary>Obstacle centre [m].</summary>
    public Vec3 Obstacle => ToVec(Model.BodyPosition(Scene.ObstacleBody));

    /// <summary>Casts the scan (ranges in the scan frame; +∞ = nothing within range). Allocation-free.</summary>
    public void Scan(Span<float> ranges)
    {
        var s = Options.Scan;
        if (ranges.Length != s.RayCount)
        {
            throw new ArgumentException($"the scan has {s.RayCount} rays", nameof(ranges));
        }

        Model.RayFan((s.BaseToScan.X, s.BaseToScan.Y, s.BaseToScan.Z), s.AngleMinRad, s.AngleIncrementRad, s.RangeMaxM, ReachScene.ScanGroupMask, ranges);
    }

    /// <summary>Moves the obstacle (takes effect at once for queries and the next step).</summary>
    public void PlaceObstacle(Vec3 centre)
    {
        Model.SetMocapPosition(Scene.ObstacleBody, centre.X, centre.Y, centre.Z);
        Model.Forward();
    }

    /// <summary>Adds a joint velocity impulse [rad/s] (a push).</summary>
    public void Push(ReadOnlySpan<double> impulse)
    {
        Span<double> v = stackalloc double[7];
        Model.GetQvel(v);
        for (var i = 0; i < 7; i++)
        {
            v[i] += impulse[i];
        }

        Model.SetQvel(v);
    }

    /// <summary>Sets up the camera at the configured size (EGL offscreen rendering).</summary>
    /// <exception cref="RenderUnavailableException">EGL/Mesa is not available.</exception>
    public void EnableCamera()
    {
        if (Scene.Camera < 0)
        {
            throw new SceneLoadException($"Scene '{Options.ScenePath}' has no camera named 'camera_link'.");
        }

        if (!Model.CanRender)
        {
            Model.EnableRendering(Options.CameraWidth, Options.CameraHeight);
        }
    }

    /// <summary>Renders the camera as rgb8, top row first (width·height·3 bytes).</summary>
    public void RenderCamera(Span<byte> rgb) => Model.Render(Scene.Camera, rgb);

    /// <inheritdoc />
    public void Dispose() => Model.Dispose();

    private static Vec3 ToVec((double X, double Y, double Z) p) => new(p.X, p.Y, p.Z);

    private static CommandRejection Check(ReadOnlySpan<double> values)
    {
        if (values.Length != 7)
        {
            return CommandRejection.WrongLength;
        }

        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                return CommandRejection.NotFinite;
            }
        }

        return CommandRejection.None;
    }
}
