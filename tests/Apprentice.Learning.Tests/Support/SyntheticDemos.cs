using Apprentice.Bag.Bags;
using Apprentice.Bag.Storage;
using Apprentice.Learning.Dataset;
using Apprentice.Ros.Msgs.Apprentice;
using Apprentice.Ros.Msgs.BuiltinInterfaces;
using Apprentice.Ros.Msgs.GeometryMsgs;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Msgs.StdMsgs;

namespace Apprentice.Learning.Tests.Support;

/// <summary>What the synthetic recording contains.</summary>
internal sealed record DemoSpec
{
    public int Episodes { get; init; } = 6;

    public double EpisodeSeconds { get; init; } = 2.0;

    public int Seed { get; init; } = 1;

    public string Storage { get; init; } = "mcap";

    /// <summary>Episode indices recorded as discarded.</summary>
    public IReadOnlySet<int> Discard { get; init; } = new HashSet<int>();

    /// <summary>Episode indices stopped as failures.</summary>
    public IReadOnlySet<int> Fail { get; init; } = new HashSet<int>();

    /// <summary>Write EpisodeEvent messages (else only custom_data).</summary>
    public bool EpisodeMessages { get; init; } = true;

    /// <summary>Write /teleop/commands and /apprentice/intervention (intervention active in the second half of each episode).</summary>
    public bool Interventions { get; init; }

    /// <summary>Write a 16×12 rgb8 camera at 10 Hz on /camera/image_raw (red channel = episode·40, green = tick).</summary>
    public bool Camera { get; init; }

    /// <summary>Leave out the goal topic.</summary>
    public bool NoGoal { get; init; }
}

/// <summary>
/// Writes rosbag2 bags of a known linear expert on a kinematic 7-joint arm: joint states at 100 Hz,
/// goal at 20 Hz, commands at 20 Hz (2 ms after the tick they answer), episodes marked as the
/// recorder marks them. Expert: <c>a = Gain·(M·goal + c − q)</c>.
/// </summary>
internal static class SyntheticDemos
{
    public const double Gain = 1.5;
    public const long T0 = 1_700_000_000_000_000_000;
    public static readonly string[] Joints = [.. DatasetOptions.PandaJoints];

    public static double[] Expert(ReadOnlySpan<double> q, ReadOnlySpan<double> goal)
    {
        var a = new double[7];
        for (var j = 0; j < 7; j++)
        {
            var target = (0.5 * goal[j % 3]) - (0.3 * goal[(j + 1) % 3]) + (0.1 * j);
            a[j] = Gain * (target - q[j]);
        }

        return a;
    }

    public static string TempDir(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "apprentice-learning-tests", Guid.NewGuid().ToString("N"), name);
        Directory.CreateDirectory(Path.GetDirectoryName(dir)!);
        return dir;
    }

    public static string Write(DemoSpec spec, string? dir = null)
    {
        dir ??= TempDir("demo");
        var random = new Random(spec.Seed);
        using var w = BagWriter.Create(dir, BagWriterOptions.Default with { StorageIdentifier = spec.Storage });
        w.CreateTopic<JointState>("/joint_states");
        if (!spec.NoGoal)
        {
            w.CreateTopic<PoseStamped>("/goal_pose");
        }

        w.CreateTopic<Float64MultiArray>("/forward_velocity_controller/commands");
        if (spec.Camera)
        {
            w.CreateTopic<Image>("/camera/image_raw");
        }

        w.CreateTopic(new BagTopic("/apprentice/episode_events", EpisodeEvent.RosTypeName), null);
        if (spec.Interventions)
        {
            w.CreateTopic<Float64MultiArray>("/teleop/commands");
            w.CreateTopic(new BagTopic("/apprentice/intervention", Intervention.RosTypeName), null);
        }

        var json = new List<string>();
        var t = T0;
        var ticks = (int)Math.Round(spec.EpisodeSeconds * 20);
        for (var e = 0; e < spec.Episodes; e++)
        {
            var q = Enumerable.Range(0, 7).Select(_ => (random.NextDouble() - 0.5) * 1.0).ToArray();
            var goal = new[] { 0.3 + (0.3 * random.NextDouble()), (random.NextDouble() - 0.5) * 0.6, 0.1 + (0.4 * random.NextDouble()) };
            var start = t;
            Event(w, spec, EpisodeEvent.EVENT_START, (uint)e, start, false);
            var a = new double[7];
            for (var k = 0; k < ticks * 5; k++)
            {
                var now = start + (k * 10_000_000L);
                w.Write("/joint_states", new JointState { Header = Header(now), Name = Joints, Position = [.. q], Velocity = [.. a], Effort = [] }, now);
                if (spec.Camera && k % 10 == 0)
                {
                    var pixels = new byte[16 * 12 * 3];
                    for (var p = 0; p < pixels.Length; p += 3)
                    {
                        (pixels[p], pixels[p + 1], pixels[p + 2]) = ((byte)(e * 40), (byte)(k * 2), 128);
                    }

                    w.Write("/camera/image_raw", new Image { Header = Header(now), Height = 12, Width = 16, Encoding = "rgb8", Step = 48, Data = pixels }, now);
                }

                if (k % 5 == 0)
                {
                    if (!spec.NoGoal)
                    {
                        w.Write("/goal_pose", new PoseStamped { Header = Header(now), Pose = new Pose { Position = new Point { X = goal[0], Y = goal[1], Z = goal[2] } } }, now);
                    }

                    a = Expert(q, goal);
                    var intervening = spec.Interventions && k >= ticks * 5 / 2;
                    if (spec.Interventions && k == ticks * 5 / 2)
                    {
                        w.Write("/apprentice/intervention", new Intervention { Active = true, Source = "expert" }, now + 1_000_000);
                    }

                    w.Write(intervening ? "/teleop/commands" : "/forward_velocity_controller/commands", new Float64MultiArray { Data = [.. a] }, now + 2_000_000);
                }

                for (var j = 0; j < 7; j++)
                {
                    q[j] += a[j] * 0.01;
                }
            }

            var stop = start + (ticks * 50_000_000L) - 10_000_000L;
            if (spec.Interventions)
            {
                w.Write("/apprentice/intervention", new Intervention { Active = false, Source = "expert" }, stop);
            }

            var discarded = spec.Discard.Contains(e);
            var success = !spec.Fail.Contains(e);
            Event(w, spec, discarded ? EpisodeEvent.EVENT_DISCARD : EpisodeEvent.EVENT_STOP, (uint)e, stop, success);
            json.Add($"{{\"index\":{e},\"task\":\"reach\",\"operator\":\"script\",\"start_ns\":{start},\"stop_ns\":{stop},\"success\":{(discarded ? "null" : success ? "true" : "false")},\"discarded\":{(discarded ? "true" : "false")}}}");
            t = stop + 500_000_000L;
        }

        w.SetCustomData(EpisodeReader.CustomDataKey, "[" + string.Join(",", json) + "]");
        w.Close();
        return dir;
    }

    private static void Event(BagWriter w, DemoSpec spec, byte kind, uint index, long now, bool success)
    {
        if (spec.EpisodeMessages)
        {
            w.Write("/apprentice/episode_events", new EpisodeEvent { Header = Header(now), Event = kind, EpisodeIndex = index, Task = "reach", OperatorName = "script", Success = success }, now);
        }
    }

    private static Header Header(long ns) => new() { Stamp = new Time { Sec = (int)(ns / 1_000_000_000), Nanosec = (uint)(ns % 1_000_000_000) }, FrameId = "panda_link0" };
}
