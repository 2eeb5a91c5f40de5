using Apprentice.Ros.Msgs.BuiltinInterfaces;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Msgs.StdMsgs;

namespace Apprentice.Ros.Tests.Generated;

/// <summary>Typical sensor messages for tests.</summary>
internal static class Samples
{
    public static Header Header(string frame) => new() { Stamp = new Time { Sec = 1_700_000_000, Nanosec = 123_456_789 }, FrameId = frame };

    public static JointState JointState(int joints) => new()
    {
        Header = Header("base_link"),
        Name = Enumerable.Range(1, joints).Select(i => "joint_" + i).ToArray(),
        Position = Enumerable.Range(0, joints).Select(i => i * 0.1 - 0.3).ToArray(),
        Velocity = Enumerable.Range(0, joints).Select(i => i * 0.01).ToArray(),
        Effort = Enumerable.Range(0, joints).Select(i => -i * 1.5).ToArray(),
    };

    public static Image Image(uint width, uint height, int seed)
    {
        var data = new byte[width * height * 4];
        new Random(seed).NextBytes(data);
        return new Image { Header = Header("camera"), Width = width, Height = height, Encoding = "rgba8", Step = width * 4, Data = data };
    }

    public static LaserScan LaserScan(int points) => new()
    {
        Header = Header("laser"),
        AngleMin = -MathF.PI,
        AngleMax = MathF.PI,
        AngleIncrement = 2 * MathF.PI / points,
        ScanTime = 0.1f,
        RangeMin = 0.05f,
        RangeMax = 30f,
        Ranges = Enumerable.Range(0, points).Select(i => 1f + (i % 100) * 0.1f).ToArray(),
        Intensities = Enumerable.Range(0, points).Select(i => (float)(i % 255)).ToArray(),
    };
}
