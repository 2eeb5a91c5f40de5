using BagMetadataYaml = Apprentice.Bag.Metadata.BagMetadataYaml;
using Apprentice.Nodes.Player;
using CsCheck;
using Apprentice.Ros.Qos;
using Apprentice.Testing;

namespace Apprentice.Nodes.Tests.Player;

[TestFixture]
public sealed class PlaybackQosTests
{
    [Test]
    public void FormattedProfilesParseBackEqual()
    {
        var profiles = new[]
        {
            QosProfiles.SensorData with { Deadline = TimeSpan.FromMilliseconds(250), Lifespan = TimeSpan.FromSeconds(3) },
            QosProfiles.Latched with { History = HistoryPolicy.KeepAll, Liveliness = LivelinessPolicy.Automatic, LivelinessLeaseDuration = TimeSpan.FromTicks(12345) },
        };
        Assert.That(OfferedQosYaml.Parse(OfferedQosYaml.Format(profiles)), Is.EqualTo(profiles));
    }

    [Test]
    public void RealRosbag2OffersParse()
    {
        var meta = BagMetadataYaml.ReadFile(TestData.Path("rosbag2", "mcap", "talker", "metadata.yaml"));
        var rosout = OfferedQosYaml.Parse(meta.Topics.Single(t => t.Topic.Name == "/rosout").Topic.OfferedQosProfiles).Single();
        Assert.That((rosout.Reliability, rosout.Durability, rosout.Lifespan), Is.EqualTo((ReliabilityPolicy.Reliable, DurabilityPolicy.TransientLocal, TimeSpan.FromSeconds(10))));

        var chosen = PlaybackQos.Choose([rosout]);
        Assert.That((chosen.History, chosen.Depth), Is.EqualTo((HistoryPolicy.KeepLast, QosProfiles.Default.Depth)), "rosbag2 records history unknown, depth 0");
    }

    [Test]
    public void InfiniteDurationsOfRealMcapChannelsBecomeZero()
    {
        // talker.mcap's channels say deadline sec 2147483647 nsec 4294967295 (rmw's "infinite"); as a
        // finite value it overflows DDS's 32-bit seconds and remote peers reject the publisher.
        using var bag = Apprentice.Bag.Bags.BagReader.Open(TestData.Path("rosbag2", "mcap", "talker", "talker.mcap"));
        var topic = OfferedQosYaml.Parse(bag.Topics.Single(t => t.Name == "/topic").OfferedQosProfiles).Single();
        Assert.That((topic.Deadline, topic.Lifespan, topic.LivelinessLeaseDuration), Is.EqualTo((TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero)));
        var rosout = OfferedQosYaml.Parse(bag.Topics.Single(t => t.Name == "/rosout").OfferedQosProfiles).Single();
        Assert.That((rosout.Deadline, rosout.Lifespan), Is.EqualTo((TimeSpan.Zero, TimeSpan.FromSeconds(10))));
    }

    [Test]
    public void SeveralOffersGiveTheMostReliableAndDurable()
    {
        var chosen = PlaybackQos.Choose([QosProfiles.SensorData, QosProfiles.Latched]);
        Assert.That((chosen.Reliability, chosen.Durability), Is.EqualTo((ReliabilityPolicy.Reliable, DurabilityPolicy.TransientLocal)));
        Assert.That(PlaybackQos.Choose([]), Is.EqualTo(QosProfiles.Default));
        Assert.That(PlaybackQos.Choose([QosProfiles.SensorData]).Reliability, Is.EqualTo(ReliabilityPolicy.BestEffort));
    }

    [Test]
    public void AnyProfileRoundTripsAndAnyMutatedTextParsesWithoutThrowing()
    {
        var profile = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 100_000], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Long[0, 10_000_000_000_000], Gen.Bool)
            .Select((h, depth, r, d, ticks, avoid) => new QosProfile
            {
                History = (HistoryPolicy)h, Depth = depth, Reliability = (ReliabilityPolicy)r, Durability = (DurabilityPolicy)d,
                Deadline = TimeSpan.FromTicks(ticks), Lifespan = TimeSpan.FromTicks(ticks / 3), LivelinessLeaseDuration = TimeSpan.FromTicks(ticks / 7),
                Liveliness = LivelinessPolicy.Automatic, AvoidRosNamespaceConventions = avoid,
            });
        profile.Array[0, 3].Sample(ps => Assert.That(OfferedQosYaml.Parse(OfferedQosYaml.Format(ps)), Is.EqualTo(ps)));
        Gen.Select(profile.Array[1, 3], Gen.Int[0, 400], Gen.Char["-: \n0123456789abcsec"].Array[0, 12]).Sample((ps, at, junk) =>
        {
            var text = OfferedQosYaml.Format(ps);
            at = Math.Min(at, text.Length);
            var mutated = text[..at] + new string(junk) + text[at..];
            Assert.That(() => PlaybackQos.Choose(OfferedQosYaml.Parse(mutated)).Validate("t"), Throws.Nothing, mutated);
        });
    }

    [TestCase("")]
    [TestCase("not yaml: [")]
    [TestCase("- history: banana\n  depth: -5")]
    public void MalformedOffersNeverThrow(string text) =>
        Assert.That(() => PlaybackQos.Choose(OfferedQosYaml.Parse(text)).Validate("t"), Throws.Nothing);
}
