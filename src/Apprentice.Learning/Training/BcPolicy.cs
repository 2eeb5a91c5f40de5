using Apprentice.Learning.Dataset;

namespace Apprentice.Learning.Training;

/// <summary>
/// A trained behavioural-cloning policy: the network on normalised observations and actions, the
/// statistics it was trained with and the observation layout. <see cref="Predict"/> is the
/// reference forward pass the exported ONNX model reproduces. Not thread-safe.
/// </summary>
/// <param name="Layout">The observation layout (input names, order, sizes).</param>
/// <param name="Statistics">Normalisation of observations (done by the node's encoders) and actions (undone in the graph).</param>
/// <param name="Network">The MLP.</param>
/// <param name="ControlRateHz">Control rate of the training samples [Hz].</param>
public sealed record BcPolicy(FeatureLayout Layout, NormalizationStats Statistics, Mlp Network, double ControlRateHz)
{
    /// <summary>Action [rad/s] for one raw observation (normalised here as the node's encoders do, de-normalised as the graph does).</summary>
    public void Predict(ReadOnlySpan<float> observation, Span<float> action)
    {
        var x = new float[observation.Length];
        NormalizationStats.Normalize(observation, Statistics.ObservationMean, Statistics.ObservationStd, x);
        Network.Forward(x, action);
        for (var i = 0; i < action.Length; i++)
        {
            action[i] = (action[i] * Statistics.ActionStd[i]) + Statistics.ActionMean[i];
        }
    }
}
