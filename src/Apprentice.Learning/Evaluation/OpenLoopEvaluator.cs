using Apprentice.Core.Policies.Card;
using Apprentice.Learning.Dataset;
using Apprentice.Onnx.Runtime;

namespace Apprentice.Learning.Evaluation;

/// <summary>A policy as a function of one raw observation (dataset layout) to an action.</summary>
/// <param name="observation">Raw features in <see cref="FeatureLayout"/> order.</param>
/// <param name="action">Where the action goes.</param>
public delegate void PolicyFunction(ReadOnlySpan<float> observation, Span<float> action);

/// <summary>
/// Open-loop evaluation: runs a policy on every sample of held-out demonstrations and compares its
/// action with the expert's recorded one (per-joint MAE and RMSE). Not thread-safe.
/// </summary>
public static class OpenLoopEvaluator
{
    /// <summary>Evaluates <paramref name="policy"/> on <paramref name="dataset"/>.</summary>
    public static OpenLoopReport Evaluate(PolicyFunction policy, DemonstrationDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(dataset);
        var a = dataset.Layout.ActionCount;
        var abs = new double[a];
        var sq = new double[a];
        var predicted = new float[a];
        long n = 0;
        foreach (var e in dataset.Episodes)
        {
            for (var i = 0; i < e.Count; i++)
            {
                policy(e.Observation(i), predicted);
                var expert = e.Action(i);
                for (var j = 0; j < a; j++)
                {
                    var d = (double)predicted[j] - expert[j];
                    abs[j] += Math.Abs(d);
                    sq[j] += d * d;
                }

                n++;
            }
        }

        return new OpenLoopReport
        {
            JointNames = dataset.Layout.JointNames,
            Mae = [.. abs.Select(s => s / n)],
            Rmse = [.. sq.Select(s => Math.Sqrt(s / n))],
            ExpertStd = [.. dataset.Statistics.ActionStd.Select(s => (double)s)],
            Samples = n,
            Episodes = dataset.Episodes.Count,
        };
    }

    /// <summary>
    /// Evaluates an exported ONNX policy (through ONNX Runtime, normalising each input with the card's
    /// Mean/Std as the node's encoders do) on the demonstrations in <paramref name="bags"/>.
    /// </summary>
    /// <param name="modelPath">The .onnx file.</param>
    /// <param name="bags">Held-out bags.</param>
    /// <param name="options">Dataset options; their layout must provide every card input by name.</param>
    /// <param name="logger">Log of the session load.</param>
    /// <param name="time">Clock of the session (timings only).</param>
    /// <exception cref="DatasetException">Bags unreadable or a card input the dataset does not produce.</exception>
    /// <exception cref="OnnxPolicyLoadException">The model does not load.</exception>
    public static OpenLoopReport Evaluate(string modelPath, IEnumerable<string> bags, DatasetOptions options, Serilog.ILogger logger, TimeProvider time)
    {
        var dataset = new DatasetBuilder(options).Build(bags);
        using var session = OnnxPolicySession.Load(new OnnxPolicyOptions { ModelPath = modelPath, WarmupRuns = 1 }, logger, time);
        return Evaluate(Function(session, dataset.Layout), dataset);
    }

    /// <summary>The session as a <see cref="PolicyFunction"/> over raw observations of <paramref name="layout"/>.</summary>
    /// <exception cref="DatasetException">A card input the layout lacks, or of another length.</exception>
    public static PolicyFunction Function(OnnxPolicySession session, FeatureLayout layout)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(layout);
        var bindings = session.Card.Inputs.Select(spec => Bind(spec, layout, session.ModelPath)).ToArray();
        var actions = layout.ActionCount;
        return (observation, action) =>
        {
            foreach (var (spec, slice, mean, std) in bindings)
            {
                NormalizationStats.Normalize(observation.Slice(slice.Offset, slice.Length), mean, std, session.Input(spec.Name));
            }

            var status = session.Run(Timeout.InfiniteTimeSpan);
            if (status != OnnxRunStatus.Ok)
            {
                throw new InvalidOperationException($"Policy '{session.ModelPath}' failed: {status} {session.LastError}");
            }

            session.Output[..actions].CopyTo(action);
        };
    }

    private static (PolicyInputSpec, FeatureSlice, float[], float[]) Bind(PolicyInputSpec spec, FeatureLayout layout, string model)
    {
        var slice = layout.Inputs.FirstOrDefault(s => s.Name == spec.Name && s.Length == spec.Shape[^1])
            ?? throw new DatasetException(
                $"Policy '{model}' needs input '{spec.Name}' [{string.Join(",", spec.Shape)}] but the dataset provides {string.Join(", ", layout.Inputs.Select(i => $"{i.Name}[{i.Length}]"))}; set the dataset options to match the card.");
        return (spec, slice, Expand(spec.Mean, slice.Length, 0f), Expand(spec.Std, slice.Length, 1f));
    }

    private static float[] Expand(IReadOnlyList<float> values, int n, float fill) =>
        [.. Enumerable.Range(0, n).Select(i => values.Count == 0 ? fill : values[values.Count == 1 ? 0 : i])];
}
