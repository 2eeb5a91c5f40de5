using Apprentice.Learning.Dataset;
using Apprentice.Learning.Training;
using BenchmarkDotNet.Attributes;

namespace Apprentice.Benchmarks.Learning;

/// <summary>
/// One behavioural-cloning epoch on the reference size: 50 000 samples × 17 features
/// (joint_pos, joint_vel, goal) → 7 actions, MLP 256-256, batch 256, 20 % of episodes held out.
/// </summary>
[MemoryDiagnoser]
public class BcTrainingBenchmark
{
    private DemonstrationDataset _dataset = null!;

    /// <summary>Worker threads (the result is identical for any value).</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Builds a synthetic dataset of 250 episodes × 200 samples.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var episodes = new List<EpisodeSamples>();
        for (var e = 0; e < 250; e++)
        {
            const int n = 200;
            var obs = new float[n * 17];
            var act = new float[n * 7];
            for (var i = 0; i < obs.Length; i++)
            {
                obs[i] = (float)random.NextDouble();
            }

            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < 7; j++)
                {
                    act[(i * 7) + j] = obs[(i * 17) + j] - obs[(i * 17) + 14 + (j % 3)];
                }
            }

            episodes.Add(new EpisodeSamples("bench", new EpisodeInfo((uint)e, "reach", 0, null, true, false), 17, 7, obs, act, new long[n]));
        }

        _dataset = new DemonstrationDataset(FeatureLayout.For(DatasetOptions.Default), DatasetOptions.Default, episodes, new DatasetSkips(0, 0, 0, 0));
    }

    /// <summary>One epoch (forward, backward, Adam over 40 000 training samples, then validation on 10 000).</summary>
    [Benchmark]
    public double OneEpoch() =>
        new BcTrainer(new BcTrainerOptions { MaxEpochs = 1, MaxThreads = Threads }).Train(_dataset).History[0].TrainLoss;
}
