using Apprentice.Onnx.Runtime;
using Apprentice.Onnx.Tests.Support;
using Serilog.Core;

namespace Apprentice.Onnx.Tests.Runtime;

/// <summary>Models written by our writer, run in ONNX Runtime, agree with a plain C# forward pass.</summary>
public sealed class ForwardPassTests
{
    private const double Tolerance = 1e-5;

    [Test]
    public void Mlp_output_matches_the_reference_forward_pass()
    {
        using var dir = new TempDir();
        var model = new MlpModel(seed: 1);
        using var session = Load(model.Save(dir.File("mlp.onnx")));
        var random = new Random(2);
        for (var trial = 0; trial < 5; trial++)
        {
            var joints = Some.Floats(random, MlpModel.Joints, 2f);
            var lidar = Some.Floats(random, MlpModel.Bins, 5f);
            joints.CopyTo(session.Input("joints"));
            lidar.CopyTo(session.Input("lidar"));

            Assert.That(session.Run(TimeSpan.FromSeconds(10)), Is.EqualTo(OnnxRunStatus.Ok));
            Assert.That(session.Output.ToArray(), Is.EqualTo(model.Forward(joints, lidar)).Within(Tolerance));
        }
    }

    [Test]
    public void Cnn_chunk_output_matches_the_reference_forward_pass()
    {
        using var dir = new TempDir();
        var model = new CnnModel(seed: 3);
        using var session = Load(model.Save(dir.File("cnn.onnx")));
        var random = new Random(4);
        var image = Some.Floats(random, 3 * CnnModel.Size * CnnModel.Size);
        var joints = Some.Floats(random, CnnModel.Joints);
        image.CopyTo(session.Input("image"));
        joints.CopyTo(session.Input("joints"));

        Assert.That(session.Run(TimeSpan.FromSeconds(10)), Is.EqualTo(OnnxRunStatus.Ok));
        var expected = model.Forward(image, joints);
        Assert.Multiple(() =>
        {
            Assert.That(session.OutputShape, Is.EqualTo(new long[] { 1, CnnModel.Chunk, CnnModel.Joints }));
            Assert.That(expected, Has.Length.EqualTo(CnnModel.Chunk * CnnModel.Joints));
            Assert.That(session.Output.ToArray(), Is.EqualTo(expected).Within(Tolerance));
        });
    }

    [Test]
    public void Session_exposes_the_card_and_buffers_of_card_shape()
    {
        using var dir = new TempDir();
        using var session = Load(new MlpModel(5).Save(dir.File("mlp.onnx")));
        Assert.Multiple(() =>
        {
            Assert.That(session.IsReady, Is.True);
            Assert.That(session.ExecutionProvider, Is.EqualTo("cpu"));
            Assert.That(session.FallbackReason, Is.Null);
            Assert.That(session.Card.ControlRateHz, Is.EqualTo(500));
            Assert.That(session.InputNames, Is.EqualTo(new[] { "joints", "lidar" }));
            Assert.That(session.Input("lidar").Length, Is.EqualTo(MlpModel.Bins));
            Assert.That(session.InputShape("joints"), Is.EqualTo(new long[] { 1, 7 }));
            Assert.That(session.Output.Length, Is.EqualTo(7));
            Assert.That(() => session.Input("camera"), Throws.TypeOf<KeyNotFoundException>().With.Message.Contains("camera"));
        });
    }

    internal static OnnxPolicySession Load(string path) =>
        OnnxPolicySession.Load(
            new OnnxPolicyOptions { ModelPath = path, RobotJointNames = Some.ArmJoints, WarmupRuns = 3 },
            Logger.None,
            TimeProvider.System);
}
