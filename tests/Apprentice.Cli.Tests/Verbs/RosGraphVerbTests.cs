using Apprentice.Cli.Verbs;
using Apprentice.Dds.Memory;
using Apprentice.Dds.Transport;
using Apprentice.Ros.Qos;
using Serilog.Core;

namespace Apprentice.Cli.Tests.Verbs;

public sealed class RosGraphVerbTests
{
    private InMemoryBus _bus = null!;
    private List<ITransport> _nodes = null!;

    [SetUp]
    public void SetUp()
    {
        _bus = new InMemoryBus();
        _nodes = [];
    }

    [TearDown]
    public void TearDown()
    {
        foreach (var n in _nodes)
        {
            n.Dispose();
        }
    }

    [Test]
    public void TopicListPrintsSortedTopicsWithTypesAndHidesHiddenOnes()
    {
        var talker = Node("talker");
        talker.CreateRawPublisher("/joint_states", "sensor_msgs/msg/JointState", QosProfiles.Default);
        talker.CreateRawPublisher("/_private/x", "std_msgs/msg/String", QosProfiles.Default);
        Node("listener").CreateRawSubscription("/cmd", "geometry_msgs/msg/Twist", QosProfiles.Default, (_, _) => { });
        using var output = new StringWriter();
        TopicVerb.WriteList(Node("cli"), showTypes: true, includeHidden: false, output);
        Assert.That(Lines(output), Is.EqualTo(new[] { "/cmd [geometry_msgs/msg/Twist]", "/joint_states [sensor_msgs/msg/JointState]" }));
    }

    [Test]
    public void TopicInfoCountsBothSides()
    {
        Node("a").CreateRawPublisher("/scan", "sensor_msgs/msg/LaserScan", QosProfiles.SensorData);
        Node("b").CreateRawSubscription("/scan", "sensor_msgs/msg/LaserScan", QosProfiles.SensorData, (_, _) => { });
        Node("c").CreateRawSubscription("/scan", "sensor_msgs/msg/LaserScan", QosProfiles.SensorData, (_, _) => { });
        using var output = new StringWriter();
        TopicVerb.WriteInfo(Node("cli"), "/scan", verbose: false, output);
        Assert.That(Lines(output), Is.EqualTo(new[] { "Type: sensor_msgs/msg/LaserScan", "Publisher count: 1", "Subscription count: 2" }));
    }

    [Test]
    public void NodeListShowsOtherNodesButNotItself()
    {
        Node("policy", "/robot");
        Node("_hidden");
        using var output = new StringWriter();
        NodeVerb.WriteList(Node("cli"), includeHidden: false, output);
        Assert.That(Lines(output), Is.EqualTo(new[] { "/robot/policy" }));
    }

    [Test]
    public void EchoDiscoversTheTypeAdaptsQosAndPrintsHex()
    {
        var pub = Node("talker").CreateRawPublisher("/chatter", "std_msgs/msg/String", QosProfiles.SensorData);
        using var output = new StringWriter();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var cli = Node("cli");
        var run = Task.Run(() => TopicEchoVerb.RunEcho(cli, "/chatter", null, 2, output, TextWriter.Null, cts.Token));
        Assert.That(SpinWait.SpinUntil(() => pub.MatchedSubscriptionCount == 1, 5000), Is.True, "echo did not subscribe with a QoS the best-effort publisher can serve");
        pub.Publish(new byte[] { 0, 1, 0, 0, 3, 0, 0, 0, 0x68, 0x69, 0, 0 });
        pub.Publish(new byte[] { 0, 1, 0, 0 });
        Assert.That(run.Wait(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(run.Result, Is.Zero);
        Assert.That(Lines(output), Is.EqualTo(new[] { "00 01 00 00 03 00 00 00 68 69 00 00", "---", "00 01 00 00", "---" }));
    }

    [Test]
    public void EchoOfAnUnpublishedTopicWithoutTypeStopsOnCancel()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        Assert.That(TopicEchoVerb.RunEcho(Node("cli"), "/nothing", null, 1, TextWriter.Null, TextWriter.Null, cts.Token), Is.Zero);
    }

    [Test]
    public void HzPrintsRatesWhileMessagesArrive()
    {
        var pub = Node("talker").CreateRawPublisher("/tick", "std_msgs/msg/Empty", QosProfiles.Default);
        using var output = new StringWriter();
        using var cts = new CancellationTokenSource();
        var cli = Node("cli");
        var run = Task.Run(() => TopicVerb.RunHz(cli, "/tick", 100, TimeProvider.System, TimeSpan.FromMilliseconds(100), output, TextWriter.Null, cts.Token));
        Assert.That(SpinWait.SpinUntil(() => pub.MatchedSubscriptionCount == 1, 5000), Is.True);
        for (var i = 0; i < 30 && !output.ToString().Contains("average rate", StringComparison.Ordinal); i++)
        {
            pub.Publish(new byte[] { 0, 1, 0, 0, 0, 0, 0, 0 });
            Thread.Sleep(20);
        }

        cts.Cancel();
        Assert.That(run.Wait(TimeSpan.FromSeconds(5)), Is.True);
        Assert.That(output.ToString(), Does.Contain("average rate: "));
    }

    [Test]
    public void RateWindowComputesRateAndSpreadOverTheWindow()
    {
        var w = new RateWindow(4);
        Assert.That(w.Describe(), Is.Null);
        foreach (var ms in new[] { 0, 100, 200, 300, 500 })
        {
            w.Add(ms, 1000);
        }

        // Window keeps the last 4 arrivals (100, 200, 300, 500 ms): gaps 0.1, 0.1, 0.2 s.
        var text = w.Describe();
        Assert.That(text, Does.StartWith("average rate: 7.500"));
        Assert.That(text, Does.Contain("min: 0.100s max: 0.200s"));
        Assert.That(text, Does.Contain("window: 4"));
        Assert.That(w.Describe(), Is.Null, "nothing new since the last report");
    }

    private ITransport Node(string name, string ns = "/")
    {
        var n = new InMemoryTransport(_bus, name, ns, TimeProvider.System, Logger.None);
        _nodes.Add(n);
        return n;
    }

    private static string[] Lines(StringWriter w) => w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
