using Apprentice.Core.Policies.Card;
using Apprentice.Onnx.Runtime;
using Apprentice.Onnx.Tests.Support;
using Apprentice.Onnx.Writer;
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

    [Test]
    public void Model_failing_at_run_time_is_a_load_error_from_warm_up()
    {
        using var dir = new TempDir();
        var path = dir.File("bad-reshape.onnx");
        var m = new OnnxModelBuilder();
        var joints = m.Input("joints", 1, 7);
        m.Input("lidar", 1, 64);
        m.Output(joints.Reshape(1, 5, 7), "action", 1, 5, 7);
        m.WithPolicyCard(Some.MlpCard() with { ChunkLength = 5 }).Save(path);

        Assert.That(() => ForwardPassTests.Load(path),
            Throws.TypeOf<OnnxPolicyLoadException>().With.Message.Contains("warm-up").And.Message.Contains(path));
    }

    [Test]
    public void Damaged_model_bytes_give_typed_errors_only()
    {
        using var dir = new TempDir();
        var bytes = new MlpModel(1).Build(Some.MlpCard()).ToBytes();
        var random = new Random(17);
        var path = dir.File("damaged.onnx");
        for (var trial = 0; trial < 60; trial++)
        {
            var damaged = trial % 2 == 0 ? bytes[..random.Next(bytes.Length)] : (byte[])bytes.Clone();
            if (trial % 2 == 1)
            {
                for (var k = 0; k < 4; k++)
                {
                    damaged[random.Next(damaged.Length)] ^= (byte)(1 << random.Next(8));
                }
            }

            File.WriteAllBytes(path, damaged);
            try
            {
                ForwardPassTests.Load(path).Dispose();
            }
            catch (Exception ex) when (ex is OnnxPolicyLoadException or PolicyCardException)
            {
                Assert.That(ex.Message, Does.Contain(path));
            }
        }
    }
}
