using Apprentice.Bag.Bags;
using Apprentice.Nodes.Player;
using Apprentice.Nodes.Tests.Player;
using Apprentice.Ros.Qos;

namespace Apprentice.Nodes.Tests.Recorder;

[TestFixture]
public sealed class RecordThenPlayTests
{
    [Test]
    public void ABagTheRecorderWroteReplaysWithTheOriginalQos()
    {
        using var rig = new RecorderRig();
        var sensor = rig.Publisher("/scan", "std_msgs/msg/String", QosProfiles.SensorData);
        var latched = rig.Publisher("/map", "std_msgs/msg/String", QosProfiles.Latched);
        var recorder = rig.Recorder(RecorderRig.All);
        recorder.Discover();
        sensor.Publish(PlayerRig.Payload(1));
        latched.Publish(PlayerRig.Payload(2));
        Assert.That(RecorderRig.WaitFor(() => recorder.Counts.Values.Sum(c => c.Written) == 2), Is.True);
        recorder.Close();

        using var bag = BagReader.Open(rig.BagDirectory);
        using var player = new BagPlayer(bag, rig.Talker, PlayerOptions.Default with { ExcludeRegex = "^/apprentice/" }, rig.Time, Serilog.Core.Logger.None);
        Assert.That(player.TopicQos["/scan"].Reliability, Is.EqualTo(ReliabilityPolicy.BestEffort));
        Assert.That((player.TopicQos["/map"].Durability, player.TopicQos["/map"].Depth), Is.EqualTo((DurabilityPolicy.TransientLocal, QosProfiles.Latched.Depth)));
        Assert.That(player.TopicQos.Keys, Is.EquivalentTo(new[] { "/scan", "/map" }));
    }
}
