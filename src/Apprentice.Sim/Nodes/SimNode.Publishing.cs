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

// Message building and publishing of SimNode (stepping thread only).
public sealed partial class SimNode
{
    private JointState NewJointState() => new()
    {
        Header = new Header { FrameId = string.Empty, Stamp = new Time() },
        Name = [.. ReachScene.JointNames],
        Position = new double[7],
        Velocity = new double[7],
        Effort = new double[7],
    };

    private void PublishJointState(TimeSpan now)
    {
        if (Suppressed(SimTopics.JointStates, out var episodeNow, out var delay))
        {
            return;
        }

        var m = delay > TimeSpan.Zero || _jointStates.HasQueued ? NewJointState() : _jointState;
        var ns = Clock.ElapsedNs;
        m.Header.Stamp = Stamp(ns);
        _sim.GetJointPositions(m.Position);
        _sim.GetJointVelocities(m.Velocity);
        _jointStates.Send(m, ns, episodeNow, delay);
    }

    private LaserScan NewScan()
    {
        var s = _sim.Options.Scan;
        return new LaserScan
        {
            Header = new Header { FrameId = s.FrameId, Stamp = new Time() },
            AngleMin = (float)s.AngleMinRad,
            AngleMax = (float)s.AngleMaxRad,
            AngleIncrement = (float)s.AngleIncrementRad,
            TimeIncrement = 0,
            ScanTime = (float)(1 / _sim.Options.ScanRateHz),
            RangeMin = (float)s.RangeMinM,
            RangeMax = (float)s.RangeMaxM,
            Ranges = new float[s.RayCount],
            Intensities = [],
        };
    }

    private void PublishScan(TimeSpan now)
    {
        if (Suppressed(SimTopics.Scan, out var episodeNow, out var delay))
        {
            return;
        }

        var m = delay > TimeSpan.Zero || _scans.HasQueued ? NewScan() : _scan;
        var ns = Clock.ElapsedNs;
        m.Header.Stamp = Stamp(ns);
        _sim.Scan(m.Ranges);
        _scans.Send(m, ns, episodeNow, delay);
    }

    private static PoseStamped NewGoal() => new()
    {
        Header = new Header { FrameId = "panda_link0", Stamp = new Time() },
        Pose = new Pose { Position = new Point(), Orientation = new Quaternion { W = 1 } },
    };

    private void PublishGoal(TimeSpan now)
    {
        if (Suppressed(SimTopics.GoalPose, out var episodeNow, out var delay))
        {
            return;
        }

        var m = delay > TimeSpan.Zero || _goals.HasQueued ? NewGoal() : _goal;
        var ns = Clock.ElapsedNs;
        m.Header.Stamp = Stamp(ns);
        var target = _sim.Target;
        (m.Pose.Position.X, m.Pose.Position.Y, m.Pose.Position.Z) = (target.X, target.Y, target.Z);
        _goals.Send(m, ns, episodeNow, delay);
    }

    private void PublishClock()
    {
        var ns = Clock.ElapsedNs;
        _clockMessage.ClockValue = Stamp(ns);
        _clock.Publish(_clockMessage, ns);
        _clocks++;
    }

    private void PublishImage(TimeSpan now)
    {
        if (_camera is null || _image is null || Suppressed(SimTopics.Camera, out _, out _))
        {
            return;
        }

        var ns = Clock.ElapsedNs;
        _image.Header.Stamp = Stamp(ns);
        _sim.RenderCamera(_image.Data);
        _camera.Publish(_image, ns);
        _images++;
    }
}
