using Apprentice.Learning.Dataset;

namespace Apprentice.Learning.Training;

/// <summary>
/// Behavioural cloning: an MLP regressing normalised actions on normalised observations (MSE),
/// minibatch Adam(W), validation split by episode, early stopping on validation loss with
/// patience. Seeded and bit-for-bit deterministic: the same dataset, options and seed give the
/// same weights on any thread count. Thread-safe between calls (no state).
/// </summary>
public sealed class BcTrainer
{
    private readonly BcTrainerOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the trainer.</summary>
    /// <param name="options">Hyper-parameters (validated now).</param>
    /// <param name="time">Clock for progress timings only (never affects results); default a clock that reads zero.</param>
    public BcTrainer(BcTrainerOptions? options = null, TimeProvider? time = null)
    {
        _options = options ?? BcTrainerOptions.Default;
        _options.Validate();
        _time = time ?? new FrozenTime();
    }

    /// <summary>Trains on <paramref name="dataset"/>.</summary>
    /// <exception cref="ArgumentException">The dataset has no samples.</exception>
    /// <exception cref="OperationCanceledException">When cancelled.</exception>
    public TrainingResult Train(DemonstrationDataset dataset, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var started = _time.GetTimestamp();
        var (trainIdx, valIdx) = Split(dataset.Episodes.Count, _options.ValidationFraction, _options.Seed);
        var train = dataset.Subset(trainIdx);
        var stats = train.Statistics;
        var (xTrain, yTrain) = Normalised(train.Episodes, stats);
        var (xVal, yVal) = Normalised([.. valIdx.Select(i => dataset.Episodes[i])], stats);
        var (f, a) = (dataset.Layout.FeatureCount, dataset.Layout.ActionCount);
        var n = xTrain.Length / f;
        var random = new Random(_options.Seed);
        var net = Mlp.Create([f, .. _options.HiddenSizes, a], random);
        var optimizer = new MlpOptimizer(net, _options);
        var order = Enumerable.Range(0, n).ToArray();
        var targets = new float[_options.BatchSize * a];
        var history = new List<TrainingProgress>();
        var best = (Epoch: 0, Loss: double.PositiveInfinity, Net: net.Clone());
        var stoppedEarly = false;
        for (var epoch = 1; epoch <= _options.MaxEpochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(order);
            double sum = 0;
            for (var start = 0; start < n; start += _options.BatchSize)
            {
                var rows = Math.Min(_options.BatchSize, n - start);
                for (var r = 0; r < rows; r++)
                {
                    var i = order[start + r];
                    xTrain.AsSpan(i * f, f).CopyTo(optimizer.InputBuffer.AsSpan(r * f, f));
                    yTrain.AsSpan(i * a, a).CopyTo(targets.AsSpan(r * a, a));
                }

                sum += optimizer.Step(rows, targets) * rows;
            }

            var trainLoss = sum / n;
            double? valLoss = xVal.Length > 0 ? Evaluate(optimizer, xVal, yVal, f, a) : null;
            var score = valLoss ?? trainLoss;
            if (score < best.Loss)
            {
                best = (epoch, score, net.Clone());
            }

            var report = new TrainingProgress(epoch, _options.MaxEpochs, trainLoss, valLoss, valLoss is null ? null : best.Loss, _time.GetElapsedTime(started));
            history.Add(report);
            progress?.Report(report);
            if (valLoss is not null && epoch - best.Epoch >= _options.Patience)
            {
                stoppedEarly = epoch < _options.MaxEpochs;
                break;
            }
        }

        var kept = xVal.Length > 0 ? best.Net : net;
        return new TrainingResult
        {
            Policy = new BcPolicy(dataset.Layout, stats, kept, dataset.Options.ControlRateHz),
            History = history,
            BestEpoch = xVal.Length > 0 ? best.Epoch : history.Count,
            BestValidationLoss = xVal.Length > 0 ? best.Loss : null,
            StoppedEarly = stoppedEarly,
            TrainEpisodes = trainIdx,
            ValidationEpisodes = valIdx,
            TrainSamples = n,
            ValidationSamples = xVal.Length / f,
            Elapsed = _time.GetElapsedTime(started),
        };
    }

    /// <summary>Seeded split of episode indices: ⌈fraction·n⌉ for validation, at least one training episode.</summary>
    public static (int[] Train, int[] Validation) Split(int episodes, double validationFraction, int seed)
    {
        var order = Enumerable.Range(0, episodes).ToArray();
        new Random(unchecked(seed * 31 + 7)).Shuffle(order);
        var val = validationFraction > 0 && episodes > 1 ? Math.Clamp((int)Math.Ceiling(validationFraction * episodes), 1, episodes - 1) : 0;
        return ([.. order.Skip(val).Order()], [.. order.Take(val).Order()]);
    }

    private double Evaluate(MlpOptimizer optimizer, float[] x, float[] y, int f, int a)
    {
        var n = x.Length / f;
        double sum = 0;
        for (var start = 0; start < n; start += _options.BatchSize)
        {
            var rows = Math.Min(_options.BatchSize, n - start);
            x.AsSpan(start * f, rows * f).CopyTo(optimizer.InputBuffer);
            optimizer.Forward(rows);
            sum += optimizer.SquaredError(rows, y.AsSpan(start * a, rows * a));
        }

        return sum / ((double)n * a);
    }

    private static (float[] X, float[] Y) Normalised(IReadOnlyList<EpisodeSamples> episodes, NormalizationStats stats)
    {
        var x = new float[episodes.Sum(e => e.Observations.Length)];
        var y = new float[episodes.Sum(e => e.Actions.Length)];
        int ox = 0, oy = 0;
        foreach (var e in episodes)
        {
            NormalizationStats.Normalize(e.Observations, stats.ObservationMean, stats.ObservationStd, x.AsSpan(ox, e.Observations.Length));
            NormalizationStats.Normalize(e.Actions, stats.ActionMean, stats.ActionStd, y.AsSpan(oy, e.Actions.Length));
            ox += e.Observations.Length;
            oy += e.Actions.Length;
        }

        return (x, y);
    }

    private sealed class FrozenTime : TimeProvider
    {
        public override long GetTimestamp() => 0;
    }
}
