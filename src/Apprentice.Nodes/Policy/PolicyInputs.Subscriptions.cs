using Apprentice.Core.Observations;
using Apprentice.Core.Time;
using Apprentice.Dds.Transport;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.GeometryMsgs;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Msgs.StdMsgs;
using Apprentice.Ros.Qos;
using Serilog;

namespace Apprentice.Nodes.Policy;

/// <summary>The subscription callbacks: decode into the boxes, reject and count bad samples.</summary>
internal sealed partial class PolicyInputs
{
    private const int MaxCloudFields = 16;
    private readonly string[] _fieldNames = new string[MaxCloudFields];
    private readonly int[] _fieldOffsets = new int[MaxCloudFields];
    private readonly byte[] _fieldTypes = new byte[MaxCloudFields];
    private readonly int[] _fieldCounts = new int[MaxCloudFields];
    private readonly double[] _reference = new double[64];

    /// <summary>Subscribes every enabled input on <paramref name="transport"/>.</summary>
    public void Subscribe(ITransport transport, ILogger log)
    {
        var i = _options.Inputs;
        if (Joints is not null)
        {
            Add(transport.CreateSubscription<JointState>(i.JointStates.Topic, Qos(i.JointStates), OnJointState, log: log));
        }

        if (Camera is not null)
        {
            Add(i.Camera.Type.EndsWith("CompressedImage", StringComparison.Ordinal)
                ? transport.CreateSubscription<CompressedImage>(i.Camera.Topic, Qos(i.Camera), OnCompressed, log: log)
                : transport.CreateSubscription<Image>(i.Camera.Topic, Qos(i.Camera), OnImage, log: log));
        }

        if (Scan is not null)
        {
            Add(transport.CreateSubscription<LaserScan>(i.Lidar.Topic, Qos(i.Lidar), OnScan, log: log));
        }

        if (Cloud is not null)
        {
            Add(transport.CreateSubscription<PointCloud2>(i.Lidar.Topic, Qos(i.Lidar), OnCloud, log: log));
        }

        if (Reference is not null)
        {
            Add(i.Reference.Type switch
            {
                "geometry_msgs/msg/PoseStamped" => transport.CreateSubscription<PoseStamped>(i.Reference.Topic, Qos(i.Reference), OnPose, log: log),
                "geometry_msgs/msg/PointStamped" => transport.CreateSubscription<PointStamped>(i.Reference.Topic, Qos(i.Reference), OnPoint, log: log),
                _ => transport.CreateSubscription<Float64MultiArray>(i.Reference.Topic, Qos(i.Reference), OnJointTarget, log: log),
            });
        }

        if (i.SpeedScaling.Enabled)
        {
            Add(transport.CreateSubscription<Float64>(i.SpeedScaling.Topic, Qos(i.SpeedScaling), OnSpeed, log: log));
        }

        if (i.Heartbeat.Enabled)
        {
            Add(transport.CreateRawSubscription(i.Heartbeat.Topic, i.Heartbeat.Type, Qos(i.Heartbeat), OnHeartbeat));
        }
    }

    private static QosProfile Qos(InputOptions input) => QosProfiles.ByName(input.Qos);

    private static TimeSpan Stamp(Ros.Msgs.BuiltinInterfaces.Time t) => MonotonicTime.FromRos(t.Sec, t.Nanosec);

    private static bool Finite(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    private void Add(IDisposable subscription) => _subscriptions.Add(subscription);

    private void OnJointState(JointState m, MessageInfo info)
    {
        var now = Now();
        var ok = Finite(m.Position) && Finite(m.Velocity);
        if (ok)
        {
            foreach (var box in _jointBoxes)
            {
                ok &= box.Write(Stamp(m.Header.Stamp), now, m.Name, m.Position, m.Velocity, m.Effort) == WriteResult.Stored;
            }
        }

        StatsFor("joint_states")!.Count(ok, now);
    }

    private void OnImage(Image m, MessageInfo info)
    {
        var now = Now();
        var r = Camera!.WriteRaw(Stamp(m.Header.Stamp), now, (int)m.Width, (int)m.Height, m.Encoding, m.IsBigendian != 0, (int)m.Step, m.Data);
        StatsFor("camera")!.Count(r == WriteResult.Stored, now);
    }

    private void OnCompressed(CompressedImage m, MessageInfo info)
    {
        var now = Now();
        var r = Camera!.WriteCompressed(Stamp(m.Header.Stamp), now, m.Format, m.Data);
        StatsFor("camera")!.Count(r == WriteResult.Stored, now);
    }

    private void OnScan(LaserScan m, MessageInfo info)
    {
        var now = Now();
        var geometry = new LaserScanGeometry(m.AngleMin, m.AngleMax, m.AngleIncrement, m.TimeIncrement, m.ScanTime, m.RangeMin, m.RangeMax);
        var r = Scan!.Write(Stamp(m.Header.Stamp), now, geometry, m.Ranges, m.Intensities);
        StatsFor("lidar")!.Count(r == WriteResult.Stored, now);
    }

    private void OnCloud(PointCloud2 m, MessageInfo info)
    {
        var now = Now();
        var n = Math.Min(m.Fields.Length, MaxCloudFields);
        for (var k = 0; k < n; k++)
        {
            var f = m.Fields[k];
            (_fieldNames[k], _fieldOffsets[k], _fieldTypes[k], _fieldCounts[k]) = (f.Name, (int)f.Offset, f.Datatype, (int)f.Count);
        }

        var ok = m.Fields.Length <= MaxCloudFields
            && PointCloudLayout.TryCreate(_fieldNames.AsSpan(0, n), _fieldOffsets.AsSpan(0, n), _fieldTypes.AsSpan(0, n), _fieldCounts.AsSpan(0, n), (int)m.PointStep, m.IsBigendian, out var layout)
            && Cloud!.Write(Stamp(m.Header.Stamp), now, layout, (int)m.Width, (int)m.Height, (int)m.RowStep, m.Data) == WriteResult.Stored;
        StatsFor("lidar")!.Count(ok, now);
    }

    private void OnPose(PoseStamped m, MessageInfo info)
    {
        var p = m.Pose.Position;
        var q = m.Pose.Orientation;
        var v = _reference.AsSpan(0, 7);
        (v[0], v[1], v[2], v[3], v[4], v[5], v[6]) = (p.X, p.Y, p.Z, q.X, q.Y, q.Z, q.W);
        WriteReference(Stamp(m.Header.Stamp), v[..Math.Min(7, Reference!.Dimension)]);
    }

    private void OnPoint(PointStamped m, MessageInfo info)
    {
        var v = _reference.AsSpan(0, 3);
        (v[0], v[1], v[2]) = (m.Point.X, m.Point.Y, m.Point.Z);
        WriteReference(Stamp(m.Header.Stamp), v);
    }

    private void OnJointTarget(Float64MultiArray m, MessageInfo info) => WriteReference(TimeSpan.Zero, m.Data);

    private void WriteReference(TimeSpan stamp, ReadOnlySpan<double> values)
    {
        var now = Now();
        var r = Reference!.Write(stamp, now, values);
        StatsFor("reference")!.Count(r == WriteResult.Stored, now);
    }

    private void OnSpeed(Float64 m, MessageInfo info)
    {
        var now = Now();
        var ok = double.IsFinite(m.Data);
        if (ok)
        {
            Interlocked.Exchange(ref _speedBits, BitConverter.DoubleToInt64Bits(Math.Clamp(m.Data, 0, 1)));
        }

        StatsFor("speed_scaling")!.Count(ok, now);
    }

    private void OnHeartbeat(ReadOnlySpan<byte> cdr, MessageInfo info)
    {
        var now = Now();
        Interlocked.Exchange(ref _heartbeatTicks, now.Ticks);
        StatsFor("heartbeat")!.Count(true, now);
    }
}
