using Apprentice.Bag.Bags;
using Apprentice.Ros.Msgs.GeometryMsgs;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Msgs.StdMsgs;

namespace Apprentice.Cli.Tests.Policy;

/// <summary>
/// The sensor bag the end-to-end test plays: Panda joint states (50 Hz, a slow sway about the ready
/// pose), a LiDAR scan (20 Hz, a ring of returns at 1.2 m), an rgb8 camera (10 Hz, 32×32) and the
/// goal (20 Hz), header stamps equal to the bag times.
/// </summary>
internal static class E2EBag
{
    public static readonly string[] Panda = ["panda_joint1", "panda_joint2", "panda_joint3", "panda_joint4", "panda_joint5", "panda_joint6", "panda_joint7"];
    private static readonly double[] Ready = [0, -Math.PI / 4, 0, -3 * Math.PI / 4, 0, Math.PI / 2, Math.PI / 4];

    public static void Write(string directory, TimeSpan duration)
    {
        using var writer = BagWriter.Create(directory);
        writer.CreateTopic<JointState>("/joint_states");
        writer.CreateTopic<LaserScan>("/scan");
        writer.CreateTopic<Image>("/camera/image_raw");
        writer.CreateTopic<PoseStamped>("/goal_pose");
        var start = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds() * 1_000_000L;
        var ticks = (int)(duration.TotalMilliseconds / 10);
        for (var i = 0; i < ticks; i++)
        {
            var t = start + (i * 10_000_000L);
            if (i % 2 == 0)
            {
                var js = new JointState { Name = Panda, Position = [.. Ready.Select((q, k) => q + (0.05 * Math.Sin((i * 0.01) + k)))], Velocity = new double[7], Effort = [] };
                Stamp(js.Header, t, "panda_link0");
                writer.Write("/joint_states", js, t);
            }

            if (i % 5 == 0)
            {
                var scan = new LaserScan
                {
                    AngleMin = -MathF.PI, AngleMax = MathF.PI - (2 * MathF.PI / 180), AngleIncrement = 2 * MathF.PI / 180, ScanTime = 0.05f,
                    RangeMin = 0.05f, RangeMax = 1.5f, Ranges = Enumerable.Repeat(1.2f, 180).ToArray(), Intensities = [],
                };
                Stamp(scan.Header, t, "scan_link");
                writer.Write("/scan", scan, t);
                var goal = new PoseStamped { Pose = new Pose { Position = new Point { X = 0.5, Y = 0.1, Z = 0.3 }, Orientation = new Quaternion { W = 1 } } };
                Stamp(goal.Header, t, "panda_link0");
                writer.Write("/goal_pose", goal, t);
            }

            if (i % 10 == 0)
            {
                var image = new Image { Width = 32, Height = 32, Encoding = "rgb8", Step = 96, Data = [.. Enumerable.Range(0, 32 * 32 * 3).Select(k => (byte)((k + i) % 251))] };
                Stamp(image.Header, t, "camera_link");
                writer.Write("/camera/image_raw", image, t);
            }
        }

        writer.Close();
    }

    private static void Stamp(Header header, long ns, string frame)
    {
        header.Stamp.Sec = (int)(ns / 1_000_000_000);
        header.Stamp.Nanosec = (uint)(ns % 1_000_000_000);
        header.FrameId = frame;
    }
}
