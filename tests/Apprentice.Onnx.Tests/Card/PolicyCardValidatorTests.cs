using Apprentice.Core.Policies.Card;
using Apprentice.Onnx.Tests.Support;

namespace Apprentice.Onnx.Tests.Card;

/// <summary>Every kind of card problem is reported once, naming its field.</summary>
public sealed class PolicyCardValidatorTests
{
    private static readonly ModelSignature Mlp = Some.MlpSignature();

    [Test]
    public void Valid_card_has_no_problems()
    {
        Assert.That(PolicyCardValidator.Check(Some.MlpCard(), Mlp, Some.ArmJoints), Is.Empty);
    }

    private static IEnumerable<TestCaseData> CardProblems()
    {
        var ok = Some.MlpCard();
        var lidar = Some.Lidar();
        yield return Case(ok with { Version = 2 }, "version");
        yield return Case(ok with { ChunkLength = 0 }, "chunk_length");
        yield return Case(ok with { ControlRateHz = double.NaN }, "control_rate_hz");
        yield return Case(ok with { ControlRateHz = -5 }, "control_rate_hz");
        yield return Case(ok with { Inputs = [Some.Joints(), lidar, lidar] }, "inputs[2].name");
        yield return Case(ok with { Inputs = [Some.Joints(), lidar with { TopicRole = " " }] }, "inputs[1].topic_role");
        yield return Case(ok with { Inputs = [Some.Joints(), lidar with { Shape = [1, 0] }] }, "inputs[1].shape[1]");
        yield return Case(ok with { Inputs = [Some.Joints(), lidar with { History = 0 }] }, "inputs[1].history");
        yield return Case(ok with { Inputs = [Some.Joints(), lidar with { Std = [1f] }] }, "inputs[1].std");
        yield return Case(ok with { Inputs = [Some.Joints(), lidar with { Mean = [0f, 0f], Std = [1f, 1f] }] }, "inputs[1].mean");
        yield return Case(ok with { Inputs = [Some.Joints(), lidar with { Mean = [float.NaN], Std = [1f] }] }, "inputs[1].mean[0]");
        yield return Case(ok with { Inputs = [Some.Joints(), lidar with { Mean = [0f], Std = [0f] }] }, "inputs[1].std[0]");
        yield return Case(ok with { Inputs = [Some.Joints() with { JointNames = [] }, lidar] }, "inputs[0].joint_names");
        yield return Case(ok with { Inputs = [Some.Joints() with { JointNames = ["j1", "j2"] }, lidar] }, "inputs[0].joint_names");
        yield return Case(ok with { Inputs = [Some.Joints() with { JointNames = ["j1", "j1", "j3", "j4", "j5", "j6", "j7"] }, lidar] }, "inputs[0].joint_names[1]");
        yield return Case(ok with { Action = Some.Action() with { Units = "" } }, "action.units");
        yield return Case(ok with { Action = Some.Action() with { JointNames = ["j1", "", "j3", "j4", "j5", "j6", "j7"] } }, "action.joint_names[1]");
        yield return Case(ok with { TrainingStatistics = [ok.TrainingStatistics[0] with { Input = "camera" }] }, "training_statistics[0].input");
        yield return Case(ok with { TrainingStatistics = [ok.TrainingStatistics[0] with { Count = 0 }] }, "training_statistics[0].count");
        yield return Case(ok with { TrainingStatistics = [ok.TrainingStatistics[0] with { Std = [1f] }] }, "training_statistics[0].std");
        yield return Case(ok with { TrainingStatistics = [ok.TrainingStatistics[0] with { Std = [-1f, 1, 1, 1, 1, 1, 1] }] }, "training_statistics[0].std[0]");
    }

    private static IEnumerable<TestCaseData> ModelProblems()
    {
        var ok = Some.MlpCard();
        var lidar = Some.Lidar();
        TensorSignature joints = new("joints", TensorElementKind.Float32, [-1, 7]);
        TensorSignature lidarSig = new("lidar", TensorElementKind.Float32, [-1, 64]);
        TensorSignature action = new("action", TensorElementKind.Float32, [-1, 7]);
        yield return Case(ok with { Inputs = [Some.Joints(), lidar with { Name = "scan" }] }, "inputs[1].name", "inputs");
        yield return Case(ok with { Inputs = [Some.Joints(), lidar with { Shape = [1, 32], Mean = [], Std = [] }] }, "inputs[1].shape[1]");
        yield return Case(ok with { Inputs = [Some.Joints(), lidar with { Shape = [1, 8, 8] }] }, "inputs[1].shape");
        yield return Case(ok with { Inputs = [Some.Joints()] }, "inputs");
        yield return Case(ok with { Action = Some.Action("act") }, "action.output_name");
        yield return Case(ok with { ChunkLength = 4 }, "chunk_length");
        yield return Case(ok with { Action = Some.Action(joints: 6) }, "action.joint_names");
        yield return Case(ok, new ModelSignature([joints with { ElementType = TensorElementKind.Float64 }, lidarSig], [action]), "inputs[0]");
        yield return Case(ok, new ModelSignature([joints, lidarSig], [action with { ElementType = TensorElementKind.Int64 }]), "action.output_name");
        yield return Case(ok, new ModelSignature([joints, lidarSig], [action with { Dims = [1, -1] }]), "action.output_name");
        yield return Case(ok, new ModelSignature([joints, lidarSig], [action with { Dims = [] }]), "action.output_name");
    }

    [TestCaseSource(nameof(CardProblems))]
    [TestCaseSource(nameof(ModelProblems))]
    public void Each_problem_is_reported_naming_its_field(PolicyCard card, ModelSignature model, string[] fields)
    {
        var errors = PolicyCardValidator.Check(card, model, Some.ArmJoints);
        Assert.That(errors.Select(e => e.Field), Is.EquivalentTo(fields), string.Join("\n", errors));
        Assert.That(errors.Select(e => e.Message), Has.All.Not.Empty);
    }

    [Test]
    public void Joints_unknown_to_the_robot_are_reported_per_joint()
    {
        var card = Some.MlpCard();
        string[] robot = ["j1", "j2", "j3", "j4", "j5", "j6"];
        var errors = PolicyCardValidator.Check(card, Mlp, robot);
        Assert.That(errors.Select(e => e.Field), Is.EquivalentTo(new[] { "action.joint_names[6]", "inputs[0].joint_names[6]" }));
        Assert.That(errors[0].Message, Does.Contain("'j7'").And.Contain("j1, j2"));
    }

    [Test]
    public void Robot_check_is_skipped_without_configured_joints()
    {
        Assert.That(PolicyCardValidator.Check(Some.MlpCard(), Mlp, null), Is.Empty);
    }

    [Test]
    public void EnsureValid_aggregates_all_problems_in_one_message()
    {
        var card = Some.MlpCard() with { ChunkLength = 0, ControlRateHz = 0, Action = Some.Action() with { Units = "" } };
        var ex = Assert.Throws<PolicyCardException>(() => PolicyCardValidator.EnsureValid(card, Mlp, Some.ArmJoints, "policy.onnx"));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Errors, Has.Count.EqualTo(3));
            Assert.That(ex.Origin, Is.EqualTo("policy.onnx"));
            Assert.That(ex.Message, Does.Contain("policy.onnx").And.Contain("3 problems")
                .And.Contain("chunk_length").And.Contain("control_rate_hz").And.Contain("action.units"));
        });
    }

    [Test]
    public void Image_normalisation_may_be_per_channel_and_chunked_output_is_accepted()
    {
        var card = Some.CnnCard();
        var model = new ModelSignature(
            [
                new TensorSignature("image", TensorElementKind.Float32, [1, 3, 96, 96]),
                new TensorSignature("joints", TensorElementKind.Float32, [1, 7]),
            ],
            [new TensorSignature("action", TensorElementKind.Float32, [1, 20, 7])]);
        Assert.That(PolicyCardValidator.Check(card, model, Some.ArmJoints), Is.Empty);
    }

    private static TestCaseData Case(PolicyCard card, params string[] fields) => Case(card, Mlp, fields);

    private static TestCaseData Case(PolicyCard card, ModelSignature model, params string[] fields) =>
        new TestCaseData(card, model, fields).SetArgDisplayNames(string.Join("+", fields));
}
