using Apprentice.Dds.Cyclone;
using Apprentice.Ros.Args;
using Apprentice.Ros.Qos;

namespace Apprentice.Dds.Tests.Cyclone;

public sealed class DdsNodeOptionsTests
{
    [Test]
    public void RosArgumentsRemapTheNodeSetTheEnclaveAndOverrideQos()
    {
        var args = RosArgumentParser.Parse(["--ros-args", "-r", "__node:=arm", "-r", "__ns:=/robot", "-e", "/secure", "-p", "qos_overrides./scan.subscription.reliability:=best_effort"]);
        var o = new DdsNodeOptions { NodeName = "policy" }.WithRosArguments(args).Validate();
        Assert.That(o.Enclave, Is.EqualTo("/secure"));
        Assert.That(RemapResolver.ResolveNode(o.NodeName, o.Namespace, o.Remaps), Is.EqualTo(("arm", "/robot")));
        Assert.That(o.QosOverrides.Resolve("/scan", EndpointKind.Subscription, QosProfiles.Default).Reliability, Is.EqualTo(ReliabilityPolicy.BestEffort));
    }

    [TestCase(233u)]
    public void DomainOutOfRangeIsRejected(uint domain) =>
        Assert.That(() => new DdsNodeOptions { NodeName = "n", DomainId = domain }.Validate(), Throws.ArgumentException.With.Message.Contains("0..232"));

    [Test]
    public void GidSizeMustBeARosOne() =>
        Assert.That(() => new DdsNodeOptions { NodeName = "n", GidStorageSize = 20 }.Validate(), Throws.ArgumentException.With.Message.Contains("Humble"));

    [Test]
    public void BadNodeNameIsRejected() =>
        Assert.That(() => new DdsNodeOptions { NodeName = "bad-name" }.Validate(), Throws.InstanceOf<ArgumentException>().With.Message.Contains("bad-name"));
}
