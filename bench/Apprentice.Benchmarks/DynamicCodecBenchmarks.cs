using Apprentice.Ros.Cdr;
using Apprentice.Ros.Dynamic;
using Apprentice.Ros.Registry;
using BenchmarkDotNet.Attributes;

namespace Apprentice.Benchmarks;

/// <summary>
/// Dynamic-codec encode/decode of typical sensor messages next to a plain copy of the same bytes
/// (the floor any codec can reach). Bytes allocated per call come from the memory diagnoser.
/// </summary>
[MemoryDiagnoser]
public class DynamicCodecBenchmarks
{
    private DynamicCodec codec = null!;
    private DynamicMessage message = null!;
    private byte[] payload = null!;
    private byte[] copyTarget = null!;

    /// <summary>Which message: a 1 MiB rgba8 Image, a 1080-point LaserScan, a 7-joint JointState.</summary>
    [Params("Image1MiB", "LaserScan1080", "JointState7")]
    public string Case { get; set; } = "JointState7";

    /// <summary>Builds the message and its encoding.</summary>
    [GlobalSetup]
    public void Setup()
    {
        codec = new DynamicCodec(InterfaceRegistry.CreateDefault());
        message = Case switch
        {
            "Image1MiB" => Image(),
            "LaserScan1080" => Scan(),
            _ => Joints(),
        };
        payload = codec.Encode(message);
        copyTarget = new byte[payload.Length];
    }

    /// <summary>Baseline: copy the encoded bytes once.</summary>
    [Benchmark(Baseline = true)]
    public int Memcpy()
    {
        payload.AsSpan().CopyTo(copyTarget);
        return copyTarget[^1];
    }

    /// <summary>Decode into a value tree.</summary>
    [Benchmark]
    public DynamicMessage Decode() => codec.Decode(message.Definition, payload);

    /// <summary>Encode the value tree into a pooled buffer, copied out to a new array.</summary>
    [Benchmark]
    public byte[] Encode() => codec.Encode(message);

    /// <summary>Encode into a caller's buffer (no result array).</summary>
    [Benchmark]
    public int EncodeIntoBuffer()
    {
        var writer = new CdrWriter(copyTarget);
        codec.Encode(message, ref writer);
        return writer.Length;
    }

    private DynamicMessage Image()
    {
        var m = codec.CreateDefault("sensor_msgs/msg/Image");
        m["height"] = 512u;
        m["width"] = 512u;
        m["encoding"] = "rgba8";
        m["step"] = 2048u;
        var data = new byte[2048 * 512];
        new Random(1).NextBytes(data);
        m["data"] = data;
        return m;
    }

    private DynamicMessage Scan()
    {
        var m = codec.CreateDefault("sensor_msgs/msg/LaserScan");
        m["ranges"] = Enumerable.Range(0, 1080).Select(i => 1f + (i % 100 / 10f)).ToArray();
        m["intensities"] = Enumerable.Range(0, 1080).Select(i => (float)(i % 255)).ToArray();
        return m;
    }

    private DynamicMessage Joints()
    {
        var m = codec.CreateDefault("sensor_msgs/msg/JointState");
        m["name"] = Enumerable.Range(1, 7).Select(i => "joint" + i).ToArray();
        m["position"] = Enumerable.Range(0, 7).Select(i => i * 0.1).ToArray();
        m["velocity"] = new double[7];
        m["effort"] = new double[7];
        return m;
    }
}
