using Apprentice.Core.Policies.Card;
using Apprentice.Onnx.Runtime;
using Apprentice.Onnx.Tests.Support;
using Serilog.Core;

namespace Apprentice.Onnx.Tests.Runtime;

/// <summary>Configure-time failures are typed and say what to fix.</summary>
public sealed class LoadTests
{
    [Test]
    public void Missing_model_file_is_a_load_error_naming_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-policy-" + Guid.NewGuid().ToString("N") + ".onnx");
        Assert.That(() => ForwardPassTests.Load(path),
            Throws.TypeOf<OnnxPolicyLoadException>()
                .With.Message.Contains(path).And.Message.Contains("does not exist")
                .And.InnerException.TypeOf<FileNotFoundException>());
    }

    [Test]
    public void File_that_is_not_onnx_is_a_load_error()
    {
        using var dir = new TempDir();
        var path = dir.File("garbage.onnx");
        File.WriteAllText(path, "this is not a protobuf model");
        Assert.That(() => ForwardPassTests.Load(path),
            Throws.TypeOf<OnnxPolicyLoadException>().With.Message.Contains(path).And.Message.Contains("not a loadable ONNX model"));
    }

    [Test]
    public void Model_without_card_is_a_card_error_naming_metadata_props()
    {
        using var dir = new TempDir();
        var path = dir.File("nocard.onnx");
        new MlpModel(1).Build(null, embedCard: false).Save(path);
        var ex = Assert.Throws<PolicyCardException>(() => ForwardPassTests.Load(path));
        Assert.That(ex!.Errors.Select(e => e.Field), Is.EqualTo(new[] { "metadata_props" }));
        Assert.That(ex.Message, Does.Contain(PolicyCard.MetadataKey).And.Contain(path));
    }

    [Test]
    public void Card_mismatching_model_and_robot_lists_every_problem_in_one_exception()
    {
        using var dir = new TempDir();
        var path = dir.File("mismatch.onnx");
        var card = Some.MlpCard() with
        {
            Inputs = [Some.Joints(), Some.Lidar(bins: 60)],
            Action = Some.Action() with { JointNames = ["j1", "j2", "j3", "j4", "j5", "j6", "gripper"] },
        };
        new MlpModel(1).Save(path, card);

        var ex = Assert.Throws<PolicyCardException>(() => ForwardPassTests.Load(path));
        Assert.That(ex!.Errors.Select(e => e.Field), Is.EquivalentTo(new[] { "inputs[1].shape[1]", "action.joint_names[6]" }));
        Assert.That(ex.Message, Does.Contain("inputs[1].shape[1]").And.Contain("'gripper'").And.Contain("2 problems"));
    }

    [Test]
    public void Card_of_another_version_is_rejected()
    {
        using var dir = new TempDir();
        var path = dir.File("v2.onnx");
        var json = PolicyCardJson.Serialize(Some.MlpCard()).Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal);
        new MlpModel(1).Build(null, embedCard: false).Metadata(PolicyCard.MetadataKey, json).Save(path);
        var ex = Assert.Throws<PolicyCardException>(() => ForwardPassTests.Load(path));
        Assert.That(ex!.Errors.Single().Field, Is.EqualTo("version"));
    }

    [Test]
    public void Invalid_options_are_rejected_before_loading()
    {
        var options = new OnnxPolicyOptions { ModelPath = "x.onnx", ExecutionProvider = "tpu" };
        Assert.That(() => OnnxPolicySession.Load(options, Logger.None, TimeProvider.System),
            Throws.ArgumentException.With.Message.Contains("tpu"));
    }
}
