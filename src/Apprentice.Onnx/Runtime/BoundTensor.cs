using Microsoft.ML.OnnxRuntime;

namespace Apprentice.Onnx.Runtime;

/// <summary>A float32 tensor on a pinned array this process owns, wrapped (not copied) by an OrtValue.</summary>
internal sealed class BoundTensor : IDisposable
{
    public BoundTensor(string name, long[] shape)
    {
        Name = name;
        Shape = shape;
        long count = 1;
        foreach (var d in shape)
        {
            count *= d;
        }

        // Pinned so the native side may keep the address for the session's lifetime.
        Buffer = GC.AllocateArray<float>(checked((int)count), pinned: true);
        Value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, Buffer.AsMemory(), shape);
    }

    public string Name { get; }

    public long[] Shape { get; }

    public float[] Buffer { get; }

    public OrtValue Value { get; }

    public void Dispose() => Value.Dispose();
}
