using Apprentice.Onnx.Runtime;

namespace Apprentice.Nodes.Policy;

/// <summary>
/// The out-of-distribution score of the observation the policy just saw, for the authority blender: the mean squared
/// z-score over every card input that carries training statistics. The session's input buffers already hold the
/// observation normalised by those statistics, so the score is the mean of their squares (about 1 in distribution;
/// +∞ on a non-finite value). Control thread only; allocation-free.
/// </summary>
internal sealed class InputOod
{
    private readonly OnnxPolicySession _session;
    private readonly string[] _names;

    public InputOod(OnnxPolicySession session)
    {
        _session = session;
        _names = [.. session.Card.Inputs.Where(i => i.Mean.Count > 0).Select(i => i.Name)];
    }

    /// <summary>Whether any input has statistics (otherwise <see cref="Score"/> is NaN: no OOD signal).</summary>
    public bool Available => _names.Length > 0;

    /// <summary>Mean squared z-score of the current input buffers; NaN when no input has statistics.</summary>
    public double Score()
    {
        double sum = 0;
        long count = 0;
        foreach (var name in _names)
        {
            foreach (var z in _session.Input(name))
            {
                sum += (double)z * z;
                count++;
            }
        }

        return count == 0 ? double.NaN : double.IsFinite(sum) ? sum / count : double.PositiveInfinity;
    }
}
