using BagMetadataYaml = Apprentice.Bag.Metadata.BagMetadataYaml;
using Apprentice.Nodes.Player;
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
    public void SeveralOffersGiveTheMostReliableAndDurable()
    {
        var chosen = PlaybackQos.Choose([QosProfiles.SensorData, QosProfiles.Latched]);
        Assert.That((chosen.Reliability, chosen.Durability), Is.EqualTo((ReliabilityPolicy.Reliable, DurabilityPolicy.TransientLocal)));
        Assert.That(PlaybackQos.Choose([]), Is.EqualTo(QosProfiles.Default));
        Assert.That(PlaybackQos.Choose([QosProfiles.SensorData]).Reliability, Is.EqualTo(ReliabilityPolicy.BestEffort));
    }

    [TestCase("")]
    [TestCase("not yaml: [")]
    [TestCase("- history: banana\n  depth: -5")]
    public void MalformedOffersNeverThrow(string text) =>
        Assert.That(() => PlaybackQos.Choose(OfferedQosYaml.Parse(text)).Validate("t"), Throws.Nothing);
}
