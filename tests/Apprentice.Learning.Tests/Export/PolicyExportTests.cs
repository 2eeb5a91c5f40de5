using Apprentice.Core.Policies.Card;
using Apprentice.Learning.Evaluation;
using Apprentice.Learning.Export;
using Apprentice.Learning.Tests.Support;
using Apprentice.Onnx.Runtime;
using Apprentice.Safety.Planner;
using Microsoft.Extensions.Time.Testing;

namespace Apprentice.Learning.Tests.Export;

public class PolicyExportTests
{
    private static string SaveModel()
    {
        var path = SyntheticDemos.TempDir("model") + ".onnx";
        PolicyExport.Save(Trained.Result.Policy, path);
        return path;
    }

    [Test]
    public void The_exported_model_run_by_onnx_runtime_matches_the_trainer_forward_pass()
    {
        using var session = OnnxPolicySession.Load(new OnnxPolicyOptions { ModelPath = SaveModel(), WarmupRuns = 1, RobotJointNames = SyntheticDemos.Joints }, Serilog.Core.Logger.None, new FakeTimeProvider());
        var onnx = OpenLoopEvaluator.Function(session, Trained.HeldOut.Layout);
        var expected = new float[7];
        var actual = new float[7];
        var compared = 0;
        foreach (var e in Trained.HeldOut.Episodes)
        {
            for (var i = 0; i < e.Count; i += 3)
            {
                Trained.Result.Policy.Predict(e.Observation(i), expected);
                onnx(e.Observation(i), actual);
                Assert.That(actual, Is.EqualTo(expected).Within(1e-5));
                compared++;
            }
        }

        Assert.That(compared, Is.GreaterThan(20));
    }

    [Test]
    public void The_card_names_the_spec_inputs_with_their_normalisation_and_training_statistics()
    {
        var card = PolicyExport.Card(Trained.Result.Policy);
        var stats = Trained.Result.Policy.Statistics;

        Assert.That(card.Inputs.Select(i => (i.Name, i.Source)), Is.EqualTo(new[]
        {
            ("joint_pos", InputSourceKind.Joints), ("joint_vel", InputSourceKind.JointVelocities), ("goal", InputSourceKind.Reference),
        }));
        Assert.That(card.Inputs.Select(i => i.Shape), Is.EqualTo(new[] { new[] { 1, 7 }, [1, 7], [1, 3] }));
        Assert.That(card.Inputs[2].Mean, Is.EqualTo(stats.ObservationMean[14..17]));
        Assert.That(card.Inputs[0].Std, Is.EqualTo(stats.ObservationStd[..7]));
        Assert.That(card.Inputs[0].JointNames, Is.EqualTo(SyntheticDemos.Joints));
        Assert.That(card.Action.Mode, Is.EqualTo(ActionMode.Velocity));
        Assert.That(card.Action.JointNames, Is.EqualTo(SyntheticDemos.Joints));
        Assert.That(card.ControlRateHz, Is.EqualTo(20));
        Assert.That(card.TrainingStatistics.Select(s => s.Input), Is.EqualTo(new[] { "joint_pos", "joint_vel", "goal" }));
        Assert.That(card.TrainingStatistics[0].Count, Is.EqualTo(Trained.Result.TrainSamples));
        Assert.That(PolicyCardValidator.Check(card), Is.Empty);
    }

    [Test]
    public void The_onnx_open_loop_evaluation_of_held_out_bags_reports_low_error()
    {
        var report = OpenLoopEvaluator.Evaluate(SaveModel(), [Trained.HeldOutBag], Trained.HeldOut.Options, Serilog.Core.Logger.None, new FakeTimeProvider());

        Assert.That(report.Samples, Is.EqualTo(200));
        Assert.That(report.JointNames, Is.EqualTo(SyntheticDemos.Joints));
        Assert.That(report.Mae.Zip(report.ExpertStd, (m, s) => m / s), Is.All.LessThan(0.15));
        Assert.That(report.Mae.Zip(report.Rmse, (m, r) => m <= r + 1e-12), Is.All.True);
    }

    [Test]
    public void The_demonstration_anchor_file_holds_one_trajectory_per_episode_in_joint_space()
    {
        var bytes = AnchorExport.ToBytes(Trained.TrainSet, new AnchorExportOptions { Stride = 4 });

        var anchor = DemonstrationAnchorFile.Read(bytes);

        Assert.That(anchor.Dims, Is.EqualTo(7));
        Assert.That(anchor.TrajectoryCount, Is.EqualTo(200));
        Assert.That(anchor.Count, Is.EqualTo(200 * 5));
        Assert.That(anchor.Point(0).ToArray(), Is.EqualTo(Trained.TrainSet.Episodes[0].Observation(0)[..7].ToArray()));
        Assert.That(anchor.RegionRadius, Is.GreaterThanOrEqualTo(0.1));
        Assert.That(anchor.Nearest([.. Trained.TrainSet.Episodes[3].Observation(8)[..7].ToArray().Select(v => (double)v)]).Distance, Is.Zero.Within(1e-6));
    }
}

public class DatasetOptionsFromCardTests
{
    [Test]
    public void Options_from_an_exported_card_reproduce_the_training_layout()
    {
        var card = PolicyExport.Card(Trained.Result.Policy);

        var options = Apprentice.Learning.Dataset.DatasetOptions.FromCard(card);

        Assert.That(Apprentice.Learning.Dataset.FeatureLayout.For(options).FeatureNames(), Is.EqualTo(Trained.Result.Policy.Layout.FeatureNames()));
        Assert.That(options.ControlRateHz, Is.EqualTo(20));
    }
}
