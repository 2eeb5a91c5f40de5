using Apprentice.Learning.Dataset;
using Apprentice.Learning.Tests.Support;

namespace Apprentice.Learning.Tests.Dataset;

public class DatasetBuilderTests
{
    [TestCase("mcap")]
    [TestCase("sqlite3")]
    public void Samples_are_taken_at_the_control_rate_with_the_expert_action_answering_each_tick(string storage)
    {
        var bag = SyntheticDemos.Write(new DemoSpec { Episodes = 3, Storage = storage });

        var data = new DatasetBuilder().Build([bag]);

        Assert.That(data.Episodes, Has.Count.EqualTo(3));
        Assert.That(data.Layout.FeatureNames(), Has.Count.EqualTo(17));
        Assert.That(data.Layout.Inputs.Select(i => i.Name), Is.EqualTo(new[] { "joint_pos", "joint_vel", "goal" }));
        foreach (var e in data.Episodes)
        {
            Assert.That(e.Count, Is.EqualTo(40));
            Assert.That(e.TimesNs.Zip(e.TimesNs.Skip(1), (x, y) => y - x).Distinct(), Is.EqualTo(new[] { 50_000_000L }));
            for (var i = 0; i < e.Count; i++)
            {
                var o = e.Observation(i).ToArray();
                var expert = SyntheticDemos.Expert([.. o[..7].Select(v => (double)v)], [.. o[14..17].Select(v => (double)v)]);
                Assert.That(e.Action(i).ToArray(), Is.EqualTo(expert.Select(v => (float)v)).Within(1e-4), $"episode {e.Info.Index} tick {i}");
            }
        }

        Assert.That(data.Skips.NotUsable + data.Skips.NoAction, Is.Zero);
    }

    [Test]
    public void Observed_velocities_are_the_previous_command_as_the_node_would_see_them()
    {
        var data = new DatasetBuilder().Build([SyntheticDemos.Write(new DemoSpec { Episodes = 1 })]);
        var e = data.Episodes[0];

        Assert.That(e.Observation(0)[7..14].ToArray(), Is.All.EqualTo(0f));
        Assert.That(e.Observation(5)[7..14].ToArray(), Is.EqualTo(e.Action(4).ToArray()));
    }

    [Test]
    public void Discarded_episodes_are_dropped_and_labels_are_kept()
    {
        var bag = SyntheticDemos.Write(new DemoSpec { Episodes = 4, Discard = new HashSet<int> { 1 }, Fail = new HashSet<int> { 2 } });

        var all = new DatasetBuilder().Build([bag]);
        var good = new DatasetBuilder(DatasetOptions.Default with { SuccessfulOnly = true }).Build([bag]);

        Assert.That(all.Episodes.Select(e => e.Info.Index), Is.EqualTo(new uint[] { 0, 2, 3 }));
        Assert.That(all.Episodes.Select(e => e.Info.Success), Is.EqualTo(new bool?[] { true, false, true }));
        Assert.That(all.Episodes.Select(e => e.Info.Task), Is.All.EqualTo("reach"));
        Assert.That(all.Skips.DiscardedEpisodes, Is.EqualTo(1));
        Assert.That(good.Episodes.Select(e => e.Info.Index), Is.EqualTo(new uint[] { 0, 3 }));
        Assert.That(good.Skips.UnsuccessfulEpisodes, Is.EqualTo(1));
    }

    [Test]
    public void Episodes_come_from_custom_data_when_the_bag_has_no_episode_messages()
    {
        var bag = SyntheticDemos.Write(new DemoSpec { Episodes = 3, EpisodeMessages = false, Discard = new HashSet<int> { 0 } });

        var data = new DatasetBuilder().Build([bag]);

        Assert.That(data.Episodes.Select(e => e.Info.Index), Is.EqualTo(new uint[] { 1, 2 }));
        Assert.That(data.Episodes.Select(e => e.Count), Is.All.EqualTo(40));
    }

    [Test]
    public void Interventions_only_keeps_corrections_inside_intervention_intervals()
    {
        var bag = SyntheticDemos.Write(new DemoSpec { Episodes = 2, Interventions = true });

        var data = new DatasetBuilder(DatasetOptions.Default with { InterventionsOnly = true }).Build([bag]);

        foreach (var e in data.Episodes)
        {
            Assert.That(e.Count, Is.EqualTo(20));
            Assert.That(e.TimesNs[0] - e.Info.StartNs, Is.EqualTo(20 * 50_000_000L));
        }
    }

    [Test]
    public void Statistics_are_mean_and_floored_std_of_all_samples()
    {
        var data = new DatasetBuilder(DatasetOptions.Default with { StdFloor = 0.05f }).Build([SyntheticDemos.Write(new DemoSpec { Episodes = 2 })]);
        var rows = data.Episodes.SelectMany(e => Enumerable.Range(0, e.Count).Select(i => e.Observation(i).ToArray())).ToList();

        for (var f = 0; f < 17; f++)
        {
            var mean = rows.Average(r => (double)r[f]);
            var std = Math.Sqrt(rows.Average(r => (r[f] - mean) * (r[f] - mean)));
            Assert.That(data.Statistics.ObservationMean[f], Is.EqualTo(mean).Within(1e-5));
            Assert.That(data.Statistics.ObservationRawStd[f], Is.EqualTo(std).Within(1e-5));
            Assert.That(data.Statistics.ObservationStd[f], Is.EqualTo(Math.Max(std, 0.05)).Within(1e-5));
        }
    }

    [Test]
    public void A_missing_topic_is_named_with_the_bag()
    {
        var bag = SyntheticDemos.Write(new DemoSpec { Episodes = 1, NoGoal = true });

        var ex = Assert.Throws<DatasetException>(() => new DatasetBuilder().Build([bag]));

        Assert.That(ex!.Message, Does.Contain("/goal_pose").And.Contain(bag));
        Assert.That(ex.BagPath, Is.EqualTo(bag));
    }

    [Test]
    public void A_corrupt_bag_gives_a_typed_error_naming_the_file()
    {
        var dir = SyntheticDemos.TempDir("corrupt");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "corrupt_0.mcap");
        File.WriteAllBytes(file, [0x89, (byte)'M', (byte)'C', (byte)'A', (byte)'P', 0x30, 0x0D, 0x0A, 1, 2, 3, 4, 5, 6, 7]);

        var ex = Assert.Throws<DatasetException>(() => new DatasetBuilder().Build([file]));

        Assert.That(ex!.Message, Does.Contain(file));
    }

    [Test]
    public void A_missing_bag_gives_a_typed_error_naming_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-bag-" + Guid.NewGuid().ToString("N"));

        var ex = Assert.Throws<DatasetException>(() => new DatasetBuilder().Build([path]));

        Assert.That(ex!.Message, Does.Contain(path));
    }

    [Test]
    public void Wrong_command_length_is_refused_with_the_topic_named()
    {
        var bag = SyntheticDemos.Write(new DemoSpec { Episodes = 1 });
        var options = DatasetOptions.Default with { JointNames = ["panda_joint1", "panda_joint2"] };

        var ex = Assert.Throws<DatasetException>(() => new DatasetBuilder(options).Build([bag]));

        Assert.That(ex!.Message, Does.Contain("/forward_velocity_controller/commands"));
    }
}

public class DatasetMergeTests
{
    [Test]
    public void Demonstrations_and_corrections_merge_into_one_dataset_for_dagger()
    {
        var demos = new DatasetBuilder().Build([SyntheticDemos.Write(new DemoSpec { Episodes = 2, Seed = 30 })]);
        var corrections = new DatasetBuilder(DatasetOptions.Default with { InterventionsOnly = true })
            .Build([SyntheticDemos.Write(new DemoSpec { Episodes = 2, Interventions = true, Seed = 31 })]);

        var merged = DemonstrationDataset.Merge([demos, corrections]);

        Assert.That(merged.Episodes, Has.Count.EqualTo(4));
        Assert.That(merged.SampleCount, Is.EqualTo(demos.SampleCount + corrections.SampleCount));
        Assert.That(merged.Statistics.Count, Is.EqualTo(merged.SampleCount));
    }

    [Test]
    public void Datasets_with_different_layouts_are_not_merged()
    {
        var bag = SyntheticDemos.Write(new DemoSpec { Episodes = 1, Seed = 32 });
        var a = new DatasetBuilder().Build([bag]);
        var b = new DatasetBuilder(DatasetOptions.Default with { IncludeJointVelocities = false }).Build([bag]);

        Assert.That(() => DemonstrationDataset.Merge([a, b]), Throws.ArgumentException);
    }
}
