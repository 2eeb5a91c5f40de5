using System.Text.Json;
using Apprentice.Bag.Bags;
using Apprentice.Bag.Storage;
using Apprentice.Nodes.Recorder;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Msgs.Apprentice;
using Apprentice.Ros.Msgs.DiagnosticMsgs;
using Apprentice.Ros.Msgs.Rosbag2Interfaces;
using RosString = Apprentice.Ros.Msgs.StdMsgs.String;
using Apprentice.Ros.Qos;

namespace Apprentice.Nodes.Tests.Recorder;

[TestFixture]
public sealed class RecorderControlTests
{
    [Test]
    public void InterventionIntervalsAreKeptPerEpisodeInCustomData()
    {
        using var rig = new RecorderRig();
        var pub = rig.Publisher(RecorderNode.InterventionTopic, Intervention.RosTypeName, QosProfiles.Default);
        var recorder = rig.Recorder(RecorderRig.All);
        recorder.Discover();
        var sent = 0;
        void Send(bool active)
        {
            pub.Publish(RosMessageCodec.Encode(new Intervention { Active = active, Source = "teleop" }));
            sent++;
            Assert.That(RecorderRig.WaitFor(() => recorder.Counts[RecorderNode.InterventionTopic].Written == sent), Is.True);
        }

        Send(true); // before any episode: no interval
        Send(false);
        recorder.StartEpisode("reach", "ada");
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        Send(true);
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        Send(true); // the 1 Hz repeat changes nothing
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        Send(false);
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        Send(true); // still active when the episode stops: closed at the stop
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        recorder.StopEpisode(success: true);
        recorder.StartEpisode("reach", "ada"); // starts while the human still drives
        rig.Time.Advance(TimeSpan.FromSeconds(2));
        Send(false);
        recorder.StopEpisode(success: false);

        var e0 = recorder.Episodes[0];
        var s = e0.StartNs;
        Assert.That(e0.Interventions.Select(i => (i.StartNs - s, i.StopNs - s, i.Source)), Is.EqualTo(new[]
        {
            (1_000_000_000L, (long?)3_000_000_000L, "teleop"),
            (4_000_000_000L, (long?)5_000_000_000L, "teleop"),
        }));
        var e1 = recorder.Episodes[1];
        Assert.That(e1.Interventions.Select(i => (i.StartNs - e1.StartNs, i.StopNs - e1.StartNs)), Is.EqualTo(new[] { (0L, (long?)2_000_000_000L) }));
        recorder.Close();

        using var bag = BagReader.Open(rig.BagDirectory);
        var json = JsonDocument.Parse(bag.Metadata!.CustomData[RecorderNode.EpisodesCustomDataKey]).RootElement;
        var stored = json[0].GetProperty("interventions");
        Assert.That(stored.GetArrayLength(), Is.EqualTo(2));
        Assert.That(stored[1].GetProperty("stop_ns").GetInt64() - stored[1].GetProperty("start_ns").GetInt64(), Is.EqualTo(1_000_000_000L));
        Assert.That(stored[0].GetProperty("source").GetString(), Is.EqualTo("teleop"));
    }

    [Test]
    public void SplitOnRequestPublishesWriteSplitEventAndMetadataListsEveryFile()
    {
        using var rig = new RecorderRig();
        var events = new List<WriteSplitEvent>();
        using var sub = rig.Talker.CreateRawSubscription("/events/write_split", WriteSplitEvent.RosTypeName, QosProfiles.Default,
            (cdr, _) =>
            {
                lock (events)
                {
                    events.Add(RosMessageCodec.Decode<WriteSplitEvent>(cdr));
                }
            });
        var pub = rig.Publisher("/chatter", RosString.RosTypeName, QosProfiles.Default);
        var recorder = rig.Recorder(RecorderRig.All);
        recorder.Discover();
        for (var i = 0; i < 2; i++)
        {
            pub.Publish(RosMessageCodec.Encode(new RosString { Data = "hello " + i }));
            Assert.That(RecorderRig.WaitFor(() => recorder.Counts["/chatter"].Written == i + 1), Is.True);
            Assert.That(recorder.SplitBagFile(), Is.True);
        }

        Assert.That(RecorderRig.WaitFor(() => { lock (events) { return events.Count == 2; } }), Is.True);
        recorder.Close();

        Assert.That(events.Select(e => (Path.GetFileName(e.ClosedFile), Path.GetFileName(e.OpenedFile))),
            Is.EqualTo(new[] { ("bag_0.mcap", "bag_1.mcap"), ("bag_1.mcap", "bag_2.mcap") }));
        Assert.That(Path.IsPathFullyQualified(events[0].ClosedFile), Is.True);
        using var bag = BagReader.Open(rig.BagDirectory);
        Assert.That(bag.Metadata!.RelativeFilePaths, Is.EqualTo(new[] { "bag_0.mcap", "bag_1.mcap", "bag_2.mcap" }));
        Assert.That(bag.MessageCounts["/chatter"], Is.EqualTo(2));
        Assert.That(recorder.SplitBagFile(), Is.False, "closed");
    }

    [Test]
    public void SnapshotWritesOnlyOnRequestAndIsRefusedOutsideSnapshotMode()
    {
        using (var plain = new RecorderRig())
        {
            Assert.That(plain.Recorder(RecorderRig.All).Snapshot(), Is.False);
        }

        using var rig = new RecorderRig();
        var pub = rig.Publisher("/chatter", RosString.RosTypeName, QosProfiles.Default);
        var recorder = rig.Recorder(RecorderRig.All with { Writer = BagWriterOptions.Default with { SnapshotMode = true } });
        recorder.Discover();
        for (var i = 0; i < 5; i++)
        {
            pub.Publish(RosMessageCodec.Encode(new RosString { Data = "x" + i }));
        }

        Assert.That(RecorderRig.WaitFor(() => recorder.Counts["/chatter"].Written == 5), Is.True);
        Assert.That(recorder.Snapshot(), Is.True);
        recorder.Close();
        using var bag = BagReader.Open(rig.BagDirectory);
        Assert.That(bag.MessageCounts["/chatter"], Is.EqualTo(5));
    }

    [Test]
    public void DiagnosticsReportEachTopicInDiagnosticUpdaterStyleAndWarnOnDrops()
    {
        using var rig = new RecorderRig();
        var pub = rig.Publisher("/chatter", RosString.RosTypeName, QosProfiles.Default);
        var arrays = new List<DiagnosticArray>();
        using var sub = rig.Talker.CreateRawSubscription("/diagnostics", DiagnosticArray.RosTypeName, QosProfiles.Default,
            (cdr, _) =>
            {
                lock (arrays)
                {
                    arrays.Add(RosMessageCodec.Decode<DiagnosticArray>(cdr));
                }
            });
        var recorder = rig.Recorder(RecorderRig.All with { Writer = BagWriterOptions.Default with { CacheCapacityBytes = 1024 } });
        recorder.Discover();
        recorder.Start();
        for (var i = 0; i < 4; i++)
        {
            pub.Publish(RosMessageCodec.Encode(new RosString { Data = "small" }));
        }

        Assert.That(RecorderRig.WaitFor(() => recorder.Counts["/chatter"].Received == 4), Is.True);
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(RecorderRig.WaitFor(() => { lock (arrays) { return arrays.Count == 1; } }), Is.True);
        rig.Time.Advance(TimeSpan.FromSeconds(1)); // the second report covers 1 s with no traffic
        Assert.That(RecorderRig.WaitFor(() => { lock (arrays) { return arrays.Count == 2; } }), Is.True);
        var ok = Status(arrays[0], "recorder: /chatter");
        Assert.That((ok.Level, ok.Message), Is.EqualTo((DiagnosticStatus.OK, "recording")));
        Assert.That(Value(ok, "received"), Is.EqualTo("4"));
        Assert.That(Value(ok, "written"), Is.EqualTo("4"));
        Assert.That(Value(ok, "dropped"), Is.EqualTo("0"));
        Assert.That(Value(ok, "rate"), Is.EqualTo("4"));
        Assert.That(Value(Status(arrays[1], "recorder: /chatter"), "rate"), Is.EqualTo("0"));
        Assert.That(Status(arrays[0], "recorder: bag").Level, Is.EqualTo(DiagnosticStatus.OK));

        pub.Publish(RosMessageCodec.Encode(new RosString { Data = new string('z', 4096) })); // larger than the cache
        Assert.That(RecorderRig.WaitFor(() => recorder.Counts["/chatter"].Dropped == 1), Is.True);
        var warn = Status(recorder.Diagnostics!.PublishNow()!, "recorder: /chatter");
        Assert.That((warn.Level, warn.Message), Is.EqualTo((DiagnosticStatus.WARN, "1 dropped since the last report (cache full)")));
        Assert.That(Status(recorder.Diagnostics.PublishNow()!, "recorder: /chatter").Level, Is.EqualTo(DiagnosticStatus.OK), "drops are reported once");
    }

    private static DiagnosticStatus Status(DiagnosticArray a, string name) => a.Status.Single(s => s.Name == name);

    private static string Value(DiagnosticStatus s, string key) => s.Values.Single(v => v.Key == key).Value;
}
