using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Tests.Support;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Tests.Graph;

[TestFixture]
[NonParallelizable]
public sealed class GraphPresenceTests
{
    [Test]
    public void NodesSeeEachOtherWithNamespaceAndEndpointGids()
    {
        var sink = new CollectingSink();
        DdsNode Make(string name, string ns) =>
            new(new DdsNodeOptions { NodeName = name, Namespace = ns, DomainId = TestDomain.Id, CycloneConfig = TestDomain.LoopbackConfig }, TimeProvider.System, sink.CreateLogger());
        using var a = Make("graph_a", "/robot");
        using var b = Make("graph_b", "/");
        using var pub = a.CreateRawPublisher("status", "std_msgs/msg/String", QosProfiles.Default);
        var gid = ((DdsRawPublisher)pub).Gid;
        Assert.That(Wait.Until(() => b.DiscoveredNodes().Any(n => n.FullyQualifiedName == "/robot/graph_a" && n.WriterGids.Contains(gid))), Is.True,
            "b never saw /robot/graph_a with its writer: " + string.Join("; ", b.DiscoveredNodes().Select(n => n.FullyQualifiedName)));
        Assert.That(a.DiscoveredNodes().Select(n => n.FullyQualifiedName), Does.Contain("/graph_b"));

        a.Dispose();
        Assert.That(Wait.Until(() => b.DiscoveredNodes().All(n => n.Name != "graph_a")), Is.True, "node not dropped after its participant left");
    }
}
