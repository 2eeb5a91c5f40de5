namespace Apprentice.Core.Preprocessing;

/// <summary>
/// The last <see cref="Depth"/> frames of one tensor, for models that take a short history.
/// Until the history is full the oldest frame is repeated, so the model never sees zeros that
/// were not observed. Preallocated; allocation-free; one thread.
/// </summary>
public sealed class FrameHistory
{
    private readonly float[] _frames;
    private int _next;

    /// <summary>Creates a history of <paramref name="depth"/> frames of <paramref name="frameLength"/> floats.</summary>
    public FrameHistory(int depth, int frameLength)
    {
        if (depth <= 0 || frameLength <= 0)
        {
            throw new ConfigurationException("history", "depth and frame length must be positive (got " + depth + ", " + frameLength + ").");
        }

        Depth = depth;
        FrameLength = frameLength;
        _frames = new float[depth * frameLength];
    }

    /// <summary>Number of frames kept.</summary>
    public int Depth { get; }

    /// <summary>Floats per frame.</summary>
    public int FrameLength { get; }

    /// <summary>Frames pushed since construction or <see cref="Clear"/>, up to <see cref="Depth"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Adds the newest frame (length <see cref="FrameLength"/>).</summary>
    public void Push(ReadOnlySpan<float> frame)
    {
        if (frame.Length != FrameLength)
        {
            throw new ArgumentException("frame length " + frame.Length + " differs from " + FrameLength, nameof(frame));
        }

        frame.CopyTo(_frames.AsSpan(_next * FrameLength, FrameLength));
        _next = (_next + 1) % Depth;
        Count = Math.Min(Count + 1, Depth);
    }

    /// <summary>Writes the frames oldest first into <paramref name="destination"/> (length Depth × FrameLength).</summary>
    public void CopyTo(Span<float> destination)
    {
        if (destination.Length != Depth * FrameLength)
        {
            throw new ArgumentException("destination length " + destination.Length + " differs from " + (Depth * FrameLength), nameof(destination));
        }

        if (Count == 0)
        {
            destination.Clear();
            return;
        }

        var oldest = Count < Depth ? 0 : _next;
        var missing = Depth - Count;
        for (var k = 0; k < Depth; k++)
        {
            var age = Math.Max(k - missing, 0);
            var source = (oldest + age) % Depth;
            _frames.AsSpan(source * FrameLength, FrameLength).CopyTo(destination.Slice(k * FrameLength, FrameLength));
        }
    }

    /// <summary>Forgets all frames (for example after a reset or a long gap).</summary>
    public void Clear()
    {
        Count = 0;
        _next = 0;
    }
}
