using Apprentice.Ros.Cdr;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Msgs.BuiltinInterfaces;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Msgs.StdMsgs;
using BenchmarkDotNet.Attributes;

namespace Apprentice.Benchmarks;

/// <summary>
/// Generated-type encode/decode of typical sensor messages next to a plain copy of the same bytes
/// (the baseline: no codec can beat one memcpy of its payload). Bytes allocated per call come
/// from the memory diagnoser. Run: <c>dotnet run -c Release --project bench/Apprentice.Benchmarks -- --filter '*Generated*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class GeneratedCodecBenchmarks
{
    private Image image = null!;
    private LaserScan scan = null!;
    private JointState joints = null!;
    private Image imageTarget = null!;
    private LaserScan scanTarget = null!;
    private JointState jointsTarget = null!;
    private byte[] payload = null!;
    private byte[] buffer = null!;

    /// <summary>Which message: a 1 MiB rgba8 Image, a 1080-point LaserScan, a 7-joint JointState.</summary>
    [Params("Image1MiB", "LaserScan1080", "JointState7")]
    public string Case { get; set; } = "JointState7";

    /// <summary>Builds the messages, the payload and the reusable targets.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var header = new Header { Stamp = new Time { Sec = 1_700_000_000, Nanosec = 5 }, FrameId = "sensor" };
        var pixels = new byte[512 * 512 * 4];
        new Random(1).NextBytes(pixels);
        image = new Image { Header = header, Height = 512, Width = 512, Encoding = "rgba8", Step = 2048, Data = pixels };
        scan = new LaserScan
        {
            Header = header,
            AngleMin = -MathF.PI,
            AngleMax = MathF.PI,
            AngleIncrement = 2 * MathF.PI / 1080,
            RangeMax = 30f,
            Ranges = Enumerable.Range(0, 1080).Select(i => 1f + (i % 100 / 10f)).ToArray(),
            Intensities = Enumerable.Range(0, 1080).Select(i => (float)(i % 255)).ToArray(),
        };
        joints = new JointState
        {
            Header = header,
            Name = Enumerable.Range(1, 7).Select(i => "joint" + i).ToArray(),
            Position = Enumerable.Range(0, 7).Select(i => i * 0.1).ToArray(),
            Velocity = new double[7],
            Effort = new double[7],
        };
        payload = Case switch
        {
            "Image1MiB" => RosMessageCodec.Encode(image),
            "LaserScan1080" => RosMessageCodec.Encode(scan),
            _ => RosMessageCodec.Encode(joints),
        };
        buffer = new byte[payload.Length];
        imageTarget = RosMessageCodec.Decode<Image>(RosMessageCodec.Encode(image));
        scanTarget = RosMessageCodec.Decode<LaserScan>(RosMessageCodec.Encode(scan));
        jointsTarget = RosMessageCodec.Decode<JointState>(RosMessageCodec.Encode(joints));
    }

    /// <summary>Baseline: copy the encoded bytes once.</summary>
    [Benchmark(Baseline = true)]
    public int Memcpy()
    {
        payload.AsSpan().CopyTo(buffer);
        return buffer[^1];
    }

    /// <summary>Encode into a caller's buffer (the publisher path).</summary>
    [Benchmark]
    public int Encode()
    {
        var writer = new CdrWriter(buffer);
        switch (Case)
        {
            case "Image1MiB": image.Serialize(ref writer); break;
            case "LaserScan1080": scan.Serialize(ref writer); break;
            default: joints.Serialize(ref writer); break;
        }

        return writer.Length;
    }

    /// <summary>Encode to a new exact-size array (size computed first).</summary>
    [Benchmark]
    public byte[] EncodeToArray() => Case switch
    {
        "Image1MiB" => RosMessageCodec.Encode(image),
        "LaserScan1080" => RosMessageCodec.Encode(scan),
        _ => RosMessageCodec.Encode(joints),
    };

    /// <summary>Decode into a new instance.</summary>
    [Benchmark]
    public object Decode()
    {
        var reader = new CdrReader(payload);
        return Case switch
        {
            "Image1MiB" => Image.Deserialize(ref reader),
            "LaserScan1080" => LaserScan.Deserialize(ref reader),
            _ => JointState.Deserialize(ref reader),
        };
    }

    /// <summary>Decode into one reused instance (the subscription path): arrays and unchanged strings are reused.</summary>
    [Benchmark]
    public int DecodeInto()
    {
        var reader = new CdrReader(payload);
        switch (Case)
        {
            case "Image1MiB": imageTarget.DeserializeInto(ref reader); break;
            case "LaserScan1080": scanTarget.DeserializeInto(ref reader); break;
            default: jointsTarget.DeserializeInto(ref reader); break;
        }

        return reader.Position;
    }
}
