using System.Text.Json;
using Apprentice.Cli.Verbs;
using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Tests.Interop;
using Apprentice.Dds.Tests.Support;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.BuiltinInterfaces;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Msgs.StdMsgs;
using Apprentice.Ros.Qos;
using Apprentice.Ros.Registry;
using Serilog.Core;

namespace Apprentice.Cli.Tests.Interop;

/// <summary>
/// <c>apprentice topic echo</c> and <c>topic pub</c> against the idlc-based C peer (Cyclone's own
/// type support): the peer takes JointStates from one topic into C structs and writes them again
/// on another.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class TopicVerbCyclonePeerTests
{
    private static readonly InterfaceRegistry Registry = InterfaceRegistry.CreateDefault();

    [Test]
    public void EchoDecodesWhatTheCPeerPublishesAsJsonWithEveryField()
    {
        var sent = new JointState
        {
            Header = new Header { FrameId = "arm", Stamp = new Time { Sec = 1_732_000_123, Nanosec = 456_789_012 } },
            Name = ["shoulder_pan", "elbow"],
            Position = [0.25, -1.5707963267948966],
            Velocity = [1e-300, 42],
            Effort = [],
        };
        var output = ThroughPeer("echo_json", sent, (node, topic, writer) => TopicEchoVerb.RunEcho(node, topic, null, 1, writer, TextWriter.Null, Timeout(), EchoFormat.Json, Registry));
        using var doc = JsonDocument.Parse(output.Trim());
        var root = doc.RootElement;
        Assert.That(root.GetProperty("header").GetProperty("frame_id").GetString(), Is.EqualTo("arm"));
        Assert.That(root.GetProperty("header").GetProperty("stamp").GetProperty("sec").GetInt32(), Is.EqualTo(1_732_000_123));
        Assert.That(root.GetProperty("header").GetProperty("stamp").GetProperty("nanosec").GetUInt32(), Is.EqualTo(456_789_012u));
        Assert.That(root.GetProperty("name").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(sent.Name));
        Assert.That(root.GetProperty("position").EnumerateArray().Select(e => e.GetDouble()), Is.EqualTo(sent.Position));
        Assert.That(root.GetProperty("velocity").EnumerateArray().Select(e => e.GetDouble()), Is.EqualTo(sent.Velocity));
        Assert.That(root.GetProperty("effort").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void EchoPrintsYamlLikeRos2()
    {
        var sent = new JointState { Header = new Header { FrameId = "base" }, Name = ["j1"], Position = [0.5], Velocity = [], Effort = [] };
        var output = ThroughPeer("echo_yaml", sent, (node, topic, writer) => TopicEchoVerb.RunEcho(node, topic, null, 1, writer, TextWriter.Null, Timeout(), EchoFormat.Yaml, Registry));
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.That(lines, Does.Contain("  frame_id: base"));
        Assert.That(lines, Does.Contain("- j1"));
        Assert.That(lines, Does.Contain("- 0.5"));
        Assert.That(lines, Does.Contain("---"));
    }

    [Test]
    public void PubSendsAJointStateTheCPeerReceivesWithEveryFieldEqual()
    {
        var suffix = $"pub_{Environment.ProcessId}";
        using var peer = CyclonePeer.Start(TestDomain.Id, TestDomain.LoopbackConfig, "JointState", "rt/cli_to_c_" + suffix, "rt/cli_from_c_" + suffix, 1);
        var stdout = peer.StandardOutput.ReadToEndAsync();
        try
        {
            using var observer = Node("observer");
            JointState? echoed = null;
            using var sub = observer.CreateSubscription<JointState>("/cli_from_c_" + suffix, QosProfiles.Default, (m, _) => echoed = m, MessageDelivery.Fresh);
            using var cli = Node("cli");
            const string Yaml = "{header: {stamp: {sec: 7, nanosec: 8}, frame_id: wrist}, name: [a, b], position: [0.125, -3.5], velocity: [1.0e-9, 2], effort: [5, 6]}";
            using var output = new StringWriter();
            var rc = TopicPubVerb.RunPub(cli, "/cli_to_c_" + suffix, "sensor_msgs/msg/JointState", Yaml, new TopicPubVerb.PubOptions(10, 1, 1), Registry, output, TextWriter.Null, Timeout());
            Assert.That(rc, Is.Zero, output.ToString());
            Assert.That(SpinWait.SpinUntil(() => Volatile.Read(ref echoed) is not null, 20_000), Is.True, "no echo from the C peer: " + output);
            Assert.That(peer.WaitForExit(20_000), Is.True);
            Assert.That(stdout.Result, Does.Contain("JointState frame=wrist names=2 first=a pos0=0.125"));
            Assert.That(echoed!.Header.Stamp.Sec, Is.EqualTo(7));
            Assert.That(echoed.Header.Stamp.Nanosec, Is.EqualTo(8u));
            Assert.That(echoed.Header.FrameId, Is.EqualTo("wrist"));
            Assert.That(echoed.Name, Is.EqualTo(new[] { "a", "b" }));
            Assert.That(echoed.Position, Is.EqualTo(new[] { 0.125, -3.5 }));
            Assert.That(echoed.Velocity, Is.EqualTo(new[] { 1.0e-9, 2 }));
            Assert.That(echoed.Effort, Is.EqualTo(new[] { 5.0, 6.0 }));
        }
        finally
        {
            if (!peer.HasExited)
            {
                peer.Kill();
            }
        }
    }

    private static string ThroughPeer(string name, JointState sent, Func<DdsNode, string, TextWriter, int> run)
    {
        var suffix = $"{name}_{Environment.ProcessId}";
        using var peer = CyclonePeer.Start(TestDomain.Id, TestDomain.LoopbackConfig, "JointState", "rt/cli_to_c_" + suffix, "rt/cli_from_c_" + suffix, 1);
        _ = peer.StandardOutput.ReadToEndAsync();
        try
        {
            using var talker = Node("talker");
            using var cli = Node("cli");
            using var output = new StringWriter();
            var echo = Task.Run(() => run(cli, "/cli_from_c_" + suffix, output));
            using var pub = talker.CreatePublisher<JointState>("/cli_to_c_" + suffix, QosProfiles.Default);
            Assert.That(SpinWait.SpinUntil(() => pub.MatchedSubscriptionCount == 1, 20_000), Is.True, "the C peer never matched");
            pub.Publish(sent);
            Assert.That(echo.Wait(TimeSpan.FromSeconds(30)), Is.True, "echo printed nothing");
            Assert.That(echo.Result, Is.Zero);
            return output.ToString();
        }
        finally
        {
            if (!peer.HasExited)
            {
                peer.Kill();
            }
        }
    }

    private static DdsNode Node(string name) =>
        new(new DdsNodeOptions { NodeName = name, DomainId = TestDomain.Id, CycloneConfig = TestDomain.LoopbackConfig }, TimeProvider.System, Logger.None);

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
