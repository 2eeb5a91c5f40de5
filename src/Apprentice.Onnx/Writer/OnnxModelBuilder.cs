using System.Globalization;
using Apprentice.Onnx.Proto;
using Google.Protobuf;

namespace Apprentice.Onnx.Writer;

/// <summary>
/// Builds an ONNX model (IR version 8, default-domain opset 17 unless told otherwise) in memory:
/// graph inputs and outputs with fixed or symbolic dims, initializers from arrays, operator
/// nodes (see <see cref="OnnxOps"/>) and <c>metadata_props</c> (where the policy card lives).
/// Not thread-safe; one builder makes one model.
/// </summary>
public sealed class OnnxModelBuilder
{
    /// <summary>The ONNX IR version written (8 is the IR of opset 17, ONNX 1.12).</summary>
    public const long IrVersion = 8;

    /// <summary>The default-domain opset written unless the constructor is told otherwise.</summary>
    public const long DefaultOpset = 17;

    private readonly ModelProto _model;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _metadataKeys = new(StringComparer.Ordinal);
    private int _nodeCount;

    /// <summary>Starts an empty model.</summary>
    /// <param name="graphName">Graph name written into the model.</param>
    /// <param name="opsetVersion">Default-domain ("ai.onnx") opset version.</param>
    public OnnxModelBuilder(string graphName = "apprentice_policy", long opsetVersion = DefaultOpset)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(graphName);
        ArgumentOutOfRangeException.ThrowIfLessThan(opsetVersion, 1);
        _model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "Apprentice",
            ProducerVersion = typeof(OnnxModelBuilder).Assembly.GetName().Version?.ToString() ?? "0",
            Graph = new GraphProto { Name = graphName },
        };
        _model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = opsetVersion });
    }

    /// <summary>Free-text description written as the model's <c>doc_string</c>.</summary>
    public string DocString
    {
        get => _model.DocString;
        set => _model.DocString = value ?? string.Empty;
    }

    /// <summary>Declares a float32 graph input.</summary>
    public OnnxValue Input(string name, params OnnxDim[] dims) => Input(name, OnnxElementType.Float, dims);

    /// <summary>Declares a graph input of the given element type.</summary>
    public OnnxValue Input(string name, OnnxElementType elementType, params OnnxDim[] dims)
    {
        Claim(name);
        _model.Graph.Input.Add(ValueInfo(name, elementType, dims));
        return new OnnxValue(this, name);
    }

    /// <summary>Adds a float32 initializer (constant weights) with the given dims.</summary>
    /// <exception cref="ArgumentException">When the element count does not match the dims.</exception>
    public OnnxValue Initializer(string name, ReadOnlySpan<float> values, params ReadOnlySpan<long> dims)
    {
        var tensor = Tensor(name, OnnxElementType.Float, values.Length, dims);
        foreach (var v in values)
        {
            tensor.FloatData.Add(v);
        }

        return AddInitializer(tensor);
    }

    /// <summary>Adds an int64 initializer (for example the target shape of Reshape).</summary>
    /// <exception cref="ArgumentException">When the element count does not match the dims.</exception>
    public OnnxValue Int64Initializer(string name, ReadOnlySpan<long> values, params ReadOnlySpan<long> dims)
    {
        var tensor = Tensor(name, OnnxElementType.Int64, values.Length, dims);
        foreach (var v in values)
        {
            tensor.Int64Data.Add(v);
        }

        return AddInitializer(tensor);
    }

    /// <summary>Adds a node with one output and returns that output.</summary>
    public OnnxValue Node(string opType, IReadOnlyList<OnnxValue> inputs, params OnnxAttribute[] attributes) =>
        Node(opType, inputs, 1, attributes)[0];

    /// <summary>Adds a default-domain node with <paramref name="outputCount"/> outputs.</summary>
    /// <exception cref="ArgumentException">When an input belongs to another builder.</exception>
    public IReadOnlyList<OnnxValue> Node(
        string opType, IReadOnlyList<OnnxValue> inputs, int outputCount, params OnnxAttribute[] attributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(opType);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputCount, 1);
        _nodeCount++;
        var node = new NodeProto
        {
            OpType = opType,
            Name = string.Create(CultureInfo.InvariantCulture, $"{opType}_{_nodeCount}"),
        };
        foreach (var input in inputs)
        {
            if (!ReferenceEquals(input.Builder, this))
            {
                throw new ArgumentException($"Input '{input.Name}' of {opType} belongs to another model builder.", nameof(inputs));
            }

            node.Input.Add(input.Name);
        }

        var outputs = new OnnxValue[outputCount];
        for (var i = 0; i < outputCount; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{node.Name}_out{i}");
            Claim(name);
            node.Output.Add(name);
            outputs[i] = new OnnxValue(this, name);
        }

        foreach (var attribute in attributes)
        {
            node.Attribute.Add(attribute.Proto.Clone());
        }

        _model.Graph.Node.Add(node);
        return outputs;
    }

    /// <summary>Declares <paramref name="value"/> as a float32 graph output called <paramref name="name"/>.</summary>
    public OnnxModelBuilder Output(OnnxValue value, string name, params OnnxDim[] dims) =>
        Output(value, name, OnnxElementType.Float, dims);

    /// <summary>Declares <paramref name="value"/> as a graph output (an Identity node renames it when needed).</summary>
    public OnnxModelBuilder Output(OnnxValue value, string name, OnnxElementType elementType, params OnnxDim[] dims)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (value.Name != name)
        {
            Claim(name);
            _nodeCount++;
            var identity = new NodeProto { OpType = "Identity", Name = $"Identity_{name}" };
            identity.Input.Add(value.Name);
            identity.Output.Add(name);
            _model.Graph.Node.Add(identity);
        }

        _model.Graph.Output.Add(ValueInfo(name, elementType, dims));
        return this;
    }

    /// <summary>Adds a <c>metadata_props</c> entry (keys are unique).</summary>
    public OnnxModelBuilder Metadata(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        if (!_metadataKeys.Add(key))
        {
            throw new ArgumentException($"Metadata key '{key}' is already set.", nameof(key));
        }

        _model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return this;
    }

    /// <summary>The serialised model (a valid <c>.onnx</c> file).</summary>
    /// <exception cref="InvalidOperationException">When the graph has no output.</exception>
    public byte[] ToBytes() => Build().ToByteArray();

    /// <summary>Writes the serialised model to <paramref name="stream"/>.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Build().WriteTo(stream);
    }

    /// <summary>Writes the model to a file (created or overwritten).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        File.WriteAllBytes(path, ToBytes());
    }

    internal ModelProto Build()
    {
        if (_model.Graph.Output.Count == 0)
        {
            throw new InvalidOperationException("The graph has no output; call Output(...) before writing the model.");
        }

        return _model;
    }

    private OnnxValue AddInitializer(TensorProto tensor)
    {
        _model.Graph.Initializer.Add(tensor);
        return new OnnxValue(this, tensor.Name);
    }

    private TensorProto Tensor(string name, OnnxElementType type, int count, ReadOnlySpan<long> dims)
    {
        long expected = 1;
        foreach (var d in dims)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(dims));
            expected *= d;
        }

        if (expected != count)
        {
            throw new ArgumentException(
                $"Initializer '{name}' has {count} values but dims [{string.Join(", ", dims.ToArray())}] need {expected}.",
                nameof(dims));
        }

        Claim(name);
        var tensor = new TensorProto { Name = name, DataType = (int)type };
        foreach (var d in dims)
        {
            tensor.Dims.Add(d);
        }

        return tensor;
    }

    private static ValueInfoProto ValueInfo(string name, OnnxElementType type, OnnxDim[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        var shape = new TensorShapeProto();
        foreach (var d in dims)
        {
            shape.Dim.Add(d.IsSymbolic
                ? new TensorShapeProto.Types.Dimension { DimParam = d.Symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = d.Size });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    private void Claim(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_names.Add(name))
        {
            throw new ArgumentException($"Tensor name '{name}' is already used in this graph.", nameof(name));
        }
    }
}
