using Apprentice.Bag.Bags;
using Apprentice.Bag.Storage;
using Apprentice.Learning.Dataset;
using Apprentice.Learning.Tests.Support;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Msgs.StdMsgs;
using CsCheck;

namespace Apprentice.Learning.Tests.Dataset;

public class EpisodeReaderTests
{
    [Test]
    public void Any_custom_data_text_is_parsed_or_refused_with_a_typed_error()
    {
        Gen.OneOf(
                Gen.String,
                Gen.Const("[{\"index\":0,\"start_ns\":5,\"stop_ns\":9,\"success\":true,\"discarded\":false}]"),
                Gen.String.Select(s => "[{\"index\":" + s + "}]"))
            .Sample(text =>
            {
                try
                {
                    var episodes = EpisodeReader.FromJson(text, "bag");
                    Assert.That(episodes, Is.Not.Null);
                }
                catch (DatasetException e)
                {
                    Assert.That(e.Message, Does.Contain("bag"));
                }
            }, iter: 2000);
    }

    [Test]
    public void Label_events_change_task_and_success_of_an_earlier_episode()
    {
        var events = new (long, Apprentice.Ros.Msgs.Apprentice.EpisodeEvent)[]
        {
            (10, new() { Event = 0, EpisodeIndex = 0, Task = "reach" }),
            (20, new() { Event = 1, EpisodeIndex = 0, Success = false }),
            (30, new() { Event = 3, EpisodeIndex = 0, Task = "", Success = true }),
            (40, new() { Event = 1, EpisodeIndex = 7 }),
        };

        var episodes = EpisodeReader.FromEvents(events);

        Assert.That(episodes, Has.Count.EqualTo(1));
        Assert.That(episodes[0], Is.EqualTo(new EpisodeInfo(0, "reach", 10, 20, true, false)));
    }

    [Test]
    public void A_payload_that_does_not_decode_gives_a_typed_error_naming_the_bag()
    {
        var dir = SyntheticDemos.TempDir("garbage");
        using (var w = BagWriter.Create(dir))
        {
            w.CreateTopic<JointState>("/joint_states");
            w.CreateTopic<Apprentice.Ros.Msgs.GeometryMsgs.PoseStamped>("/goal_pose");
            w.CreateTopic<Float64MultiArray>("/forward_velocity_controller/commands");
            w.Write(new BagMessage("/joint_states", SyntheticDemos.T0, SyntheticDemos.T0, new byte[] { 0, 1, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F }));
            w.Write("/forward_velocity_controller/commands", new Float64MultiArray { Data = new double[7] }, SyntheticDemos.T0 + 1);
            w.Close();
        }

        var ex = Assert.Throws<DatasetException>(() => new DatasetBuilder().Build([dir]));

        Assert.That(ex!.Message, Does.Contain(dir));
    }
}

public class EpisodeSpanTests
{
    [Test]
    public void Episode_times_outside_the_recording_are_clamped_to_it()
    {
        var bag = SyntheticDemos.Write(new DemoSpec { Episodes = 1, EpisodeMessages = false, Seed = 40 });
        var meta = Path.Combine(bag, "metadata.yaml");
        var text = File.ReadAllText(meta);
        var start = SyntheticDemos.T0.ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(meta, text.Replace("\\\"start_ns\\\":" + start, "\\\"start_ns\\\":0", StringComparison.Ordinal).Replace("\"start_ns\":" + start, "\"start_ns\":0", StringComparison.Ordinal));
        Assert.That(File.ReadAllText(meta), Does.Not.Contain(start + ",\\\"stop_ns").And.Not.Contain(start + ",\"stop_ns"));

        var data = new DatasetBuilder().Build([bag]);

        Assert.That(data.Episodes[0].Count, Is.EqualTo(40));
        Assert.That(data.Episodes[0].TimesNs[0], Is.EqualTo(SyntheticDemos.T0));
    }
}
