using Apprentice.Onnx.Proto;
using Google.Protobuf;

namespace Apprentice.Onnx.Writer;

/// <summary>A node attribute (for example <c>transB</c> of Gemm or <c>kernel_shape</c> of MaxPool).</summary>
public sealed class OnnxAttribute
{
    private OnnxAttribute(AttributeProto proto) => Proto = proto;

    /// <summary>The attribute name.</summary>
    public string Name => Proto.Name;

    internal AttributeProto Proto { get; }

    /// <summary>An integer attribute.</summary>
    public static OnnxAttribute Int(string name, long value) =>
        new(new AttributeProto { Name = Check(name), Type = AttributeProto.Types.AttributeType.Int, I = value });

    /// <summary>A float attribute.</summary>
    public static OnnxAttribute Float(string name, float value) =>
        new(new AttributeProto { Name = Check(name), Type = AttributeProto.Types.AttributeType.Float, F = value });

    /// <summary>A string attribute (UTF-8).</summary>
    public static OnnxAttribute String(string name, string value) =>
        new(new AttributeProto
        {
            Name = Check(name),
            Type = AttributeProto.Types.AttributeType.String,
            S = ByteString.CopyFromUtf8(value),
        });

    /// <summary>A list-of-integers attribute.</summary>
    public static OnnxAttribute Ints(string name, params ReadOnlySpan<long> values)
    {
        var proto = new AttributeProto { Name = Check(name), Type = AttributeProto.Types.AttributeType.Ints };
        foreach (var v in values)
        {
            proto.Ints.Add(v);
        }

        return new OnnxAttribute(proto);
    }

    /// <summary>A list-of-floats attribute.</summary>
    public static OnnxAttribute Floats(string name, params ReadOnlySpan<float> values)
    {
        var proto = new AttributeProto { Name = Check(name), Type = AttributeProto.Types.AttributeType.Floats };
        foreach (var v in values)
        {
            proto.Floats.Add(v);
        }

        return new OnnxAttribute(proto);
    }

    private static string Check(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name;
    }
}
