namespace Apprentice.Core.Preprocessing;

/// <summary>
/// Source indices and weights for one axis of a resize with half-pixel centres:
/// <c>s = (d + 0.5) · in/out − 0.5</c>, clamped to the image, as OpenCV's INTER_LINEAR does.
/// </summary>
internal sealed class ResampleAxis
{
    private int _preparedFor = -1;

    public ResampleAxis(int outputSize)
    {
        Lower = new int[outputSize];
        Upper = new int[outputSize];
        Fraction = new float[outputSize];
        Nearest = new int[outputSize];
    }

    public int[] Lower { get; }

    public int[] Upper { get; }

    public float[] Fraction { get; }

    public int[] Nearest { get; }

    /// <summary>Builds the tables for a source extent of <paramref name="inputSize"/> pixels (no-op when unchanged).</summary>
    public void Prepare(int inputSize)
    {
        if (inputSize == _preparedFor)
        {
            return;
        }

        var n = Lower.Length;
        var ratio = (double)inputSize / n;
        for (var d = 0; d < n; d++)
        {
            var s = ((d + 0.5) * ratio) - 0.5;
            if (s < 0)
            {
                s = 0;
            }

            var lower = Math.Min((int)Math.Floor(s), inputSize - 1);
            Lower[d] = lower;
            Upper[d] = Math.Min(lower + 1, inputSize - 1);
            Fraction[d] = (float)(s - lower);
            Nearest[d] = Math.Min((int)Math.Floor((d + 0.5) * ratio), inputSize - 1);
        }

        _preparedFor = inputSize;
    }
}
