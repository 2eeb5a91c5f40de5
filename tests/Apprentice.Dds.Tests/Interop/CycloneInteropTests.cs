using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Tests.Support;
using Apprentice.Dds.Transport;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Tests.Interop;

/// <summary>
/// Apprentice ↔ an independent Cyclone DDS program whose (de)serialization is idlc-generated from
/// the ROS 2 IDL: our bytes go to the C peer, which decodes them into C structs and re-encodes
/// them on another topic; we decode what it sent and compare every field with the original.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CycloneInteropTests
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, IncludeFields = true };

    private static readonly Header SomeHeader = new(new Time(1_732_000_123, 456_789_012), "base_link");

    [Test]
    public void JointStateRoundTripsThroughIdlcTypeSupportWithEveryFieldEqual()
    {
        var samples = Enumerable.Range(0, 3).Select(i => new JointState(
            SomeHeader with { FrameId = "arm_" + i },
            ["shoulder_pan", "shoulder_lift", "elbow", "wrist_1", "wrist_2", "wrist_3"],
            [0.1 * i, -1.5707963267948966, 3.141592653589793, 1e-300, -0.0, 42],
            [1, 2, 3, 4, 5, 6 + i],
            [])).ToList();
        var stdout = Exchange("JointState", "sensor_msgs/msg/JointState", samples.Select(s => s.Encode()).ToList(), JointState.Decode, samples);
        Assert.That(stdout, Does.Contain("JointState frame=arm_0 names=6 first=shoulder_pan pos0=0"));
        Assert.That(stdout, Does.Contain("READY sensor_msgs::msg::dds_::JointState_"));
    }

    [Test]
    public void OneMegabyteImageRoundTripsThroughFragmentation()
    {
        var data = new byte[640 * 480 * 3];
        new Random(7).NextBytes(data);
        var samples = new List<Image> { new(SomeHeader, 480, 640, "rgb8", 0, 640 * 3, data), new(SomeHeader with { FrameId = "cam" }, 1, 3, "mono8", 1, 3, [1, 2, 3]) };
        Exchange("Image", "sensor_msgs/msg/Image", samples.Select(s => s.Encode()).ToList(), Image.Decode, samples);
    }

    [Test]
    public void LaserScanRoundTripsIncludingInfinities()
    {
        var ranges = Enumerable.Range(0, 360).Select(i => i % 17 == 0 ? float.PositiveInfinity : 0.5f + (i * 0.01f)).ToArray();
        var samples = new List<LaserScan> { new(SomeHeader with { FrameId = "laser" }, -3.1415927f, 3.1415927f, 0.017453292f, 1e-5f, 0.1f, 0.12f, 30f, ranges, [.. ranges.Select(r => r / 2)]) };
        Exchange("LaserScan", "sensor_msgs/msg/LaserScan", samples.Select(s => s.Encode()).ToList(), LaserScan.Decode, samples);
    }

    [Test]
    public void JointTrajectoryRoundTripsWithNestedSequences()
    {
        var points = Enumerable.Range(0, 4).Select(i => new TrajectoryPoint([i, i + 0.5], [0.1, -0.1], i % 2 == 0 ? [] : [9.81, 0], [], new Time(i, (uint)(i * 250_000_000)))).ToArray();
        var samples = new List<JointTrajectory> { new(SomeHeader, ["j1", "j2"], points), new(SomeHeader, [], []) };
        Exchange("JointTrajectory", "trajectory_msgs/msg/JointTrajectory", samples.Select(s => s.Encode()).ToList(), JointTrajectory.Decode, samples);
    }

    private static string Exchange<T>(string peerType, string rosType, IReadOnlyList<byte[]> encoded, Func<byte[], T> decode, IReadOnlyList<T> expected)
    {
        var suffix = $"{peerType.ToLowerInvariant()}_{Environment.ProcessId}";
        var toPeer = "/interop_to_c_" + suffix;
        var fromPeer = "/interop_from_c_" + suffix;
        var sink = new CollectingSink();
        using var peer = CyclonePeer.Start(TestDomain.Id, TestDomain.LoopbackConfig, peerType, "rt" + toPeer, "rt" + fromPeer, encoded.Count);
        var output = new System.Text.StringBuilder();
        peer.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        peer.BeginOutputReadLine();
        var stderr = peer.StandardError.ReadToEndAsync();
        try
        {
            using var node = new DdsNode(new DdsNodeOptions { NodeName = "interop", DomainId = TestDomain.Id, CycloneConfig = TestDomain.LoopbackConfig }, TimeProvider.System, sink.CreateLogger());
            var received = new List<byte[]>();
            var stamps = new List<long>();
            using var sub = node.CreateRawSubscription(fromPeer, rosType, QosProfiles.Default, (cdr, info) =>
            {
                lock (received)
                {
                    received.Add(cdr.ToArray());
                    stamps.Add(info.SourceTimestampNs);
                }
            });
            using var pub = node.CreateRawPublisher(toPeer, rosType, QosProfiles.Default);
            Assert.That(Wait.Until(() => pub.MatchedSubscriptionCount == 1 && sub.MatchedPublisherCount == 1, 20), Is.True, "C peer never matched: " + Text(output));
            for (var i = 0; i < encoded.Count; i++)
            {
                Assert.That(pub.Publish(encoded[i], 1_000_000_000L * (i + 1)), Is.EqualTo(PublishOutcome.Published));
            }

            Assert.That(Wait.Until(() => { lock (received) { return received.Count == encoded.Count; } }, 20), Is.True, "echo missing: " + Text(output));
            Assert.That(peer.WaitForExit(20_000), Is.True);
            Assert.That(peer.ExitCode, Is.Zero, stderr.Result);
            lock (received)
            {
                var decoded = received.Select(decode).ToList();
                Assert.That(decoded.Select(d => JsonSerializer.Serialize(d, Json)), Is.EqualTo(expected.Select(e => JsonSerializer.Serialize(e, Json))));
                Assert.That(stamps, Is.EqualTo(Enumerable.Range(1, encoded.Count).Select(i => 1_000_000_000L * i)), "source timestamps survive the C peer");
                Assert.That(received.Select(r => r[0..2]), Has.All.EqualTo(new byte[] { 0x00, 0x01 }), "little-endian CDR from Cyclone");
            }

            Assert.That(sink.Warnings, Is.Empty);
        }
        finally
        {
            if (!peer.HasExited)
            {
                peer.Kill();
            }
        }

        return Text(output);
    }

    private static string Text(System.Text.StringBuilder sb)
    {
        lock (sb)
        {
            return sb.ToString();
        }
    }
}
