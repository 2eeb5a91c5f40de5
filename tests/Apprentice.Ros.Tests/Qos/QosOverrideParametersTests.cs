using Apprentice.Ros.Args;
using Apprentice.Ros.Qos;

namespace Apprentice.Ros.Tests.Qos;

public sealed class QosOverrideParametersTests
{
    [Test]
    public void ParametersBuildPerTopicPerSideProfiles()
    {
        var args = RosArgumentParser.Parse([
            "--ros-args",
            "-p", "qos_overrides./scan.subscription.reliability:=best_effort",
            "-p", "qos_overrides./scan.subscription.depth:=3",
            "-p", "qos_overrides./tf_static.publisher.durability:=transient_local",
            "-p", "qos_overrides./tf_static.publisher.deadline:=100000000",
        ]);
        var o = QosOverrideParameters.Apply(args.ParametersFor("n", "/n"), QosOverrides.None);
        var scan = o.Resolve("/scan", EndpointKind.Subscription, QosProfiles.SensorData);
        Assert.That((scan.Reliability, scan.Depth), Is.EqualTo((ReliabilityPolicy.BestEffort, 3)));
        var tf = o.Resolve("/tf_static", EndpointKind.Publisher, QosProfiles.Default);
        Assert.That((tf.Durability, tf.Deadline), Is.EqualTo((DurabilityPolicy.TransientLocal, TimeSpan.FromMilliseconds(100))));
        Assert.That(o.Resolve("/scan", EndpointKind.Publisher, QosProfiles.Default), Is.SameAs(QosProfiles.Default));
    }

    [TestCase("qos_overrides./x.publisher.reliability:=sometimes", "sometimes")]
    [TestCase("qos_overrides./x.writer.depth:=3", "writer")]
    [TestCase("qos_overrides./x.publisher.colour:=red", "colour")]
    [TestCase("qos_overrides./x.publisher.depth:=0", "positive")]
    [TestCase("qos_overrides.reliability:=reliable", "qos_overrides./topic.publisher.reliability")]
    public void BadOverridesNameTheParameter(string param, string mentioned)
    {
        var args = RosArgumentParser.Parse(["--ros-args", "-p", param]);
        Assert.That(() => QosOverrideParameters.Apply(args.ParametersFor("n", "/n"), QosOverrides.None), Throws.TypeOf<RosArgumentException>().With.Message.Contains(mentioned));
    }
}
