using Apprentice.Onnx.Proto;
using Apprentice.Onnx.Writer;

namespace Apprentice.Onnx.Tests.Writer;

/// <summary>The bytes the builder writes are the ONNX model we asked for.</summary>
public sealed class OnnxModelBuilderTests
{
    [Test]
    public void Written_model_declares_ir8_opset17_dims_initializers_and_metadata()
    {
        var m = new OnnxModelBuilder("g");
        var x = m.Input("x", "batch", 3);
        var w = m.Initializer("w", [1f, 2f, 3f, 4f, 5f, 6f], 2, 3);
        m.Output(x.Gemm(w, transB: true), "y", "batch", 2).Metadata("k", "v");

        var model = ModelProto.Parser.ParseFrom(m.ToBytes());

        Assert.Multiple(() =>
        {
            Assert.That(model.IrVersion, Is.EqualTo(8));
            Assert.That(model.OpsetImport.Single().Version, Is.EqualTo(17));
            Assert.That(model.OpsetImport.Single().Domain, Is.Empty);
            Assert.That(model.Graph.Name, Is.EqualTo("g"));
            var input = model.Graph.Input.Single();
            Assert.That(input.Type.TensorType.ElemType, Is.EqualTo((int)TensorProto.Types.DataType.Float));
            Assert.That(input.Type.TensorType.Shape.Dim[0].DimParam, Is.EqualTo("batch"));
            Assert.That(input.Type.TensorType.Shape.Dim[1].DimValue, Is.EqualTo(3));
            Assert.That(model.Graph.Initializer.Single().Dims, Is.EqualTo(new long[] { 2, 3 }));
            Assert.That(model.Graph.Initializer.Single().FloatData, Is.EqualTo(new[] { 1f, 2f, 3f, 4f, 5f, 6f }));
            Assert.That(model.Graph.Node.Select(n => n.OpType), Is.EqualTo(new[] { "Gemm", "Identity" }));
            Assert.That(model.Graph.Node[0].Attribute.Single(a => a.Name == "transB").I, Is.EqualTo(1));
            Assert.That(model.Graph.Output.Single().Name, Is.EqualTo("y"));
            Assert.That(model.MetadataProps.Single().Key, Is.EqualTo("k"));
            Assert.That(model.MetadataProps.Single().Value, Is.EqualTo("v"));
        });
    }

    [Test]
    public void Initializer_with_wrong_element_count_is_rejected()
    {
        var m = new OnnxModelBuilder();
        Assert.That(() => m.Initializer("w", [1f, 2f, 3f], 2, 2),
            Throws.ArgumentException.With.Message.Contains("'w'").And.Message.Contains("need 4"));
    }

    [Test]
    public void Duplicate_tensor_names_and_metadata_keys_are_rejected()
    {
        var m = new OnnxModelBuilder();
        m.Input("x", 1);
        m.Metadata("k", "v");
        Assert.Multiple(() =>
        {
            Assert.That(() => m.Input("x", 1), Throws.ArgumentException.With.Message.Contains("'x'"));
            Assert.That(() => m.Metadata("k", "w"), Throws.ArgumentException.With.Message.Contains("'k'"));
        });
    }

    [Test]
    public void Model_without_output_cannot_be_written()
    {
        var m = new OnnxModelBuilder();
        m.Input("x", 1);
        Assert.That(m.ToBytes, Throws.InvalidOperationException.With.Message.Contains("no output"));
    }

    [Test]
    public void Values_of_another_builder_are_rejected()
    {
        var a = new OnnxModelBuilder();
        var b = new OnnxModelBuilder();
        var x = a.Input("x", 1);
        var y = b.Input("y", 1);
        Assert.That(() => x.Add(y), Throws.ArgumentException.With.Message.Contains("another model builder"));
    }

    [Test]
    public void Dims_convert_from_numbers_and_names()
    {
        OnnxDim fixedDim = 5;
        OnnxDim symbolic = "batch";
        Assert.Multiple(() =>
        {
            Assert.That(fixedDim.IsSymbolic, Is.False);
            Assert.That(fixedDim.Size, Is.EqualTo(5));
            Assert.That(symbolic.IsSymbolic, Is.True);
            Assert.That(symbolic.Symbol, Is.EqualTo("batch"));
            Assert.That(() => OnnxDim.Fixed(-1), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }
}
