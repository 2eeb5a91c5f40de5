using System.Text.Json;
using Apprentice.Bag.Bags;
using Apprentice.Nodes.Recorder;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Msgs.Apprentice;

namespace Apprentice.Nodes.Tests.Recorder;

[TestFixture]
public sealed class EpisodeTests
{
    [Test]
    public void EpisodesEndUpInCustomDataAndAsEventMessages()
    {
        using var rig = new RecorderRig();
        var recorder = rig.Recorder(RecorderRig.All);
        var first = recorder.StartEpisode("stack the cubes", "ada");
        rig.Time.Advance(TimeSpan.FromSeconds(3));
        var stopped = recorder.StopEpisode(success: true);
        var second = recorder.StartEpisode("open the drawer", "bob");
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        recorder.DiscardEpisode();
        var label = recorder.LabelEpisode(0, "stack two cubes", "", success: false);
        Assert.That((first.Ok, first.Index, stopped.Ok, second.Index, label.Ok), Is.EqualTo((true, 0u, true, 1u, true)));
        recorder.Close();

        using var bag = BagReader.Open(rig.BagDirectory);
        var json = JsonDocument.Parse(bag.Metadata!.CustomData[RecorderNode.EpisodesCustomDataKey]).RootElement;
        Assert.That(json.GetArrayLength(), Is.EqualTo(2));
        var e0 = json[0];
        Assert.That((e0.GetProperty("task").GetString(), e0.GetProperty("operator").GetString(), e0.GetProperty("success").GetBoolean(), e0.GetProperty("discarded").GetBoolean()),
            Is.EqualTo(("stack two cubes", "ada", false, false)));
        Assert.That(e0.GetProperty("stop_ns").GetInt64() - e0.GetProperty("start_ns").GetInt64(), Is.EqualTo(3_000_000_000L));
        Assert.That(json[1].GetProperty("discarded").GetBoolean(), Is.True);

        var events = bag.ReadMessages(new() { Topics = new HashSet<string> { RecorderNode.EpisodeTopic } })
            .Select(m => RosMessageCodec.Decode<EpisodeEvent>(m.Data.Span)).ToList();
        Assert.That(events.Select(e => (e.Event, e.EpisodeIndex)), Is.EqualTo(new[]
        {
            (EpisodeEvent.EVENT_START, 0u), (EpisodeEvent.EVENT_STOP, 0u), (EpisodeEvent.EVENT_START, 1u),
            (EpisodeEvent.EVENT_DISCARD, 1u), (EpisodeEvent.EVENT_LABEL, 0u),
        }));
        Assert.That((events[1].Success, events[0].Task, events[0].OperatorName), Is.EqualTo((true, "stack the cubes", "ada")));
        Assert.That(bag.Definitions[EpisodeEvent.RosTypeName].EncodedText, Does.StartWith("# Episode boundary"));
    }

    [Test]
    public void RequestsThatDoNotFitTheStateAreRefusedWithAReason()
    {
        using var rig = new RecorderRig();
        var recorder = rig.Recorder(RecorderRig.All);
        Assert.That(recorder.StopEpisode(true).Ok, Is.False);
        Assert.That(recorder.DiscardEpisode().Ok, Is.False);
        Assert.That(recorder.LabelEpisode(uint.MaxValue, "t", "o", true).Message, Does.Contain("no episode"));
        recorder.StartEpisode("t", "o");
        var again = recorder.StartEpisode("t2", "o");
        Assert.That((again.Ok, again.Message), Is.EqualTo((false, "Episode 0 is still running; stop or discard it first.")));
        Assert.That(recorder.LabelEpisode(5, "", "", true).Ok, Is.False);
        Assert.That(recorder.LabelEpisode(uint.MaxValue, "", "carol", true).Ok, Is.True);
        Assert.That(recorder.Episodes.Single(), Is.EqualTo(new Episode(0, "t", "carol", recorder.Episodes[0].StartNs, null, true, false)));
    }

    [Test]
    public void InterventionMessagesAreRecordedLikeAnyTopic()
    {
        using var rig = new RecorderRig();
        var pub = rig.Publisher("/policy/intervention", Intervention.RosTypeName, Ros.Qos.QosProfiles.Default);
        var recorder = rig.Recorder(RecorderRig.All);
        recorder.Discover();
        var bytes = RosMessageCodec.Encode(new Intervention { Active = true, Source = "teleop" });
        pub.Publish(bytes);
        Assert.That(RecorderRig.WaitFor(() => recorder.Counts.GetValueOrDefault("/policy/intervention").Written == 1), Is.True);
        recorder.Close();
        using var bag = BagReader.Open(rig.BagDirectory);
        var got = RosMessageCodec.Decode<Intervention>(bag.ReadMessages().Single(m => m.Topic == "/policy/intervention").Data.Span);
        Assert.That((got.Active, got.Source), Is.EqualTo((true, "teleop")));
    }
}
