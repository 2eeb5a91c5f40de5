using Apprentice.Ros.Qos;

namespace Apprentice.Ros.Tests.Qos;

public sealed class QosTests
{
    [Test]
    public void ProfilesMatchRmwDefinitions()
    {
        Assert.That(QosProfiles.Default, Is.EqualTo(new QosProfile { Reliability = ReliabilityPolicy.Reliable, Durability = DurabilityPolicy.Volatile, History = HistoryPolicy.KeepLast, Depth = 10 }));
        Assert.That((QosProfiles.SensorData.Reliability, QosProfiles.SensorData.Durability, QosProfiles.SensorData.Depth), Is.EqualTo((ReliabilityPolicy.BestEffort, DurabilityPolicy.Volatile, 5)));
        Assert.That((QosProfiles.Services.Reliability, QosProfiles.Services.Depth), Is.EqualTo((ReliabilityPolicy.Reliable, 10)));
        Assert.That(QosProfiles.Parameters.Depth, Is.EqualTo(1000));
        Assert.That(QosProfiles.SystemDefault.Reliability, Is.EqualTo(ReliabilityPolicy.SystemDefault));
        Assert.That(QosProfiles.Rosout.Lifespan, Is.EqualTo(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void PolicyValuesAreRmwIntegers()
    {
        Assert.That((int)ReliabilityPolicy.BestEffort, Is.EqualTo(2));
        Assert.That((int)DurabilityPolicy.TransientLocal, Is.EqualTo(1));
        Assert.That((int)HistoryPolicy.KeepAll, Is.EqualTo(2));
        Assert.That((int)LivelinessPolicy.ManualByTopic, Is.EqualTo(3));
    }

    [TestCase(ReliabilityPolicy.BestEffort, ReliabilityPolicy.Reliable, false)]
    [TestCase(ReliabilityPolicy.Reliable, ReliabilityPolicy.BestEffort, true)]
    [TestCase(ReliabilityPolicy.Reliable, ReliabilityPolicy.Reliable, true)]
    [TestCase(ReliabilityPolicy.BestEffort, ReliabilityPolicy.BestEffort, true)]
    [TestCase(ReliabilityPolicy.SystemDefault, ReliabilityPolicy.Reliable, true)]
    public void ReliabilityFollowsRequestOffer(ReliabilityPolicy offered, ReliabilityPolicy requested, bool compatible) =>
        Assert.That(QosCompatibility.Check(new() { Reliability = offered }, new() { Reliability = requested }).Count == 0, Is.EqualTo(compatible));

    [TestCase(DurabilityPolicy.Volatile, DurabilityPolicy.TransientLocal, false)]
    [TestCase(DurabilityPolicy.TransientLocal, DurabilityPolicy.Volatile, true)]
    [TestCase(DurabilityPolicy.TransientLocal, DurabilityPolicy.TransientLocal, true)]
    public void DurabilityFollowsRequestOffer(DurabilityPolicy offered, DurabilityPolicy requested, bool compatible) =>
        Assert.That(QosCompatibility.Check(new() { Durability = offered }, new() { Durability = requested }).Count == 0, Is.EqualTo(compatible));

    [Test]
    public void DeadlineOfferedMustNotBeLongerThanRequested()
    {
        var fast = new QosProfile { Deadline = TimeSpan.FromMilliseconds(10) };
        var slow = new QosProfile { Deadline = TimeSpan.FromMilliseconds(100) };
        Assert.That(QosCompatibility.Check(slow, fast).Select(c => c.Policy), Is.EqualTo(new[] { "DEADLINE" }));
        Assert.That(QosCompatibility.Check(fast, slow), Is.Empty);
        Assert.That(QosCompatibility.Check(new QosProfile(), fast).Select(c => c.Policy), Is.EqualTo(new[] { "DEADLINE" }), "no deadline offered = infinite");
    }

    [Test]
    public void ConflictsExplainTheFix() =>
        Assert.That(QosCompatibility.Check(QosProfiles.SensorData, QosProfiles.Default).Single().Explanation, Does.Contain("best-effort"));

    [Test]
    public void ToStringIsShortAndReadable()
    {
        Assert.That(QosProfiles.Default.ToString(), Is.EqualTo("reliable, volatile, keep-last 10"));
        Assert.That((QosProfiles.Latched with { History = HistoryPolicy.KeepAll }).ToString(), Is.EqualTo("reliable, transient-local, keep-all"));
    }

    [Test]
    public void ValidateRejectsZeroDepthNamingTheTopic() =>
        Assert.That(() => (QosProfiles.Default with { Depth = 0 }).Validate("/chatter"), Throws.ArgumentException.With.Message.Contains("/chatter"));

    [Test]
    public void OverridesReplaceOnlyTheirTopicAndSide()
    {
        var o = QosOverrides.None.With("/scan", EndpointKind.Subscription, QosProfiles.SensorData);
        Assert.That(o.Resolve("/scan", EndpointKind.Subscription, QosProfiles.Default), Is.SameAs(QosProfiles.SensorData));
        Assert.That(o.Resolve("/scan", EndpointKind.Publisher, QosProfiles.Default), Is.SameAs(QosProfiles.Default));
        Assert.That(o.Resolve("/other", EndpointKind.Subscription, QosProfiles.Default), Is.SameAs(QosProfiles.Default));
        Assert.That(() => o.With("scan", EndpointKind.Publisher, QosProfiles.Default), Throws.ArgumentException);
    }

    [TestCase("sensor_data")]
    [TestCase("sensor-data")]
    [TestCase("DEFAULT")]
    public void ProfilesAreFoundByName(string name) => Assert.That(QosProfiles.ByName(name), Is.Not.Null);

    [Test]
    public void UnknownProfileNameListsKnownOnes() =>
        Assert.That(() => QosProfiles.ByName("fast"), Throws.ArgumentException.With.Message.Contains("sensor_data"));
}
