using Apprentice.Onnx.Runtime;
using Apprentice.Onnx.Tests.Runtime;
using Apprentice.Onnx.Tests.Support;
using Apprentice.Onnx.Writer;
using Microsoft.ML.OnnxRuntime;

namespace Apprentice.Onnx.Tests.Writer;

/// <summary>The sample policies load with valid cards and produce finite actions of the card's layout.</summary>
public sealed class SamplePolicyModelsTests
{
    [Test]
    public void Sample_mlp_loads_and_runs()
    {
        using var dir = new TempDir();
        var path = dir.File("mlp.onnx");
        SamplePolicyModels.Mlp(Some.ArmJoints).Save(path);
        using var session = ForwardPassTests.Load(path);
        session.Input("lidar").Fill(3f);
        Assert.Multiple(() =>
        {
            Assert.That(session.Run(TimeSpan.FromSeconds(5)), Is.EqualTo(OnnxRunStatus.Ok));
            Assert.That(session.Output.Length, Is.EqualTo(7));
            Assert.That(session.Card.Inputs[1].Shape, Is.EqualTo(new[] { 1, 64 }));
        });
    }

    [Test]
    public void Sample_cnn_loads_and_produces_a_chunk()
    {
        using var dir = new TempDir();
        var path = dir.File("cnn.onnx");
        SamplePolicyModels.Cnn(Some.ArmJoints).Save(path);
        using var session = ForwardPassTests.Load(path);
        session.Input("image").Fill(0.5f);
        Assert.Multiple(() =>
        {
            Assert.That(session.Run(TimeSpan.FromSeconds(5)), Is.EqualTo(OnnxRunStatus.Ok));
            Assert.That(session.OutputShape, Is.EqualTo(new long[] { 1, 20, 7 }));
            Assert.That(session.Card.ChunkLength, Is.EqualTo(20));
        });
    }

    [Test]
    public void Model_header_fields_reach_onnx_runtime()
    {
        var builder = SamplePolicyModels.Mlp(Some.ArmJoints);
        builder.DocString = "sample policy";
        using var session = new InferenceSession(builder.ToBytes());
        var metadata = session.ModelMetadata;
        Assert.Multiple(() =>
        {
            Assert.That(metadata.ProducerName, Is.EqualTo("Apprentice"));
            Assert.That(metadata.GraphName, Is.EqualTo("sample_mlp_policy"));
            Assert.That(metadata.Description, Is.EqualTo("sample policy"));
            Assert.That(metadata.CustomMetadataMap.Keys, Is.EquivalentTo(new[] { "apprentice.policy_card" }));
        });
    }
}
