using System.Collections.Concurrent;
using Apprentice.Dds.Services;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.Apprentice;
using Apprentice.Ros.Qos;
using Apprentice.Sim.Nodes;

namespace Apprentice.Sim.Tests.Nodes;

[NonParallelizable]
public sealed class SimEpisodeServicesDdsTests
{
    [Test]
    public async Task ResetEpisodeStartsTheRequestedSeededEpisodeAndItsResultIsPublishedWhenDecided()
    {
        using var sim = SimFixture.Load();
        using var simDds = LoopbackDds.Node("sim");
        using var operatorDds = LoopbackDds.Node("operator");
        using var node = new SimNode(simDds, sim, camera: false, Serilog.Core.Logger.None);
        using var services = new SimEpisodeServices(simDds, node);
        node.Reset(sim.Task.Generate(4, 0));
        var results = new ConcurrentQueue<SimEpisodeResult>();
        using var sub = operatorDds.CreateSubscription<SimEpisodeResult>("/sim/episode_result", QosProfiles.Default, (m, _) => results.Enqueue(m));
        using var reset = operatorDds.CreateClient<ResetEpisodeService, ResetEpisodeRequest, ResetEpisodeResponse>("/sim/reset_episode", QosProfiles.Services);
        var deadline = Environment.TickCount64 + 15_000;
        while (!reset.IsServiceReady && Environment.TickCount64 < deadline)
        {
            await Task.Delay(10);
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var refused = await reset.CallAsync<ResetEpisodeRequest, ResetEpisodeResponse>(new() { Seed = 9, Index = -1 }, cancel.Token);
        Assert.That(refused.Success, Is.False);
        Assert.That(refused.Message, Does.Contain("negative"));
        var accepted = await reset.CallAsync<ResetEpisodeRequest, ResetEpisodeResponse>(new() { Seed = 9, Index = 3 }, cancel.Token);
        Assert.That(accepted.Success, Is.True);
        node.Step(TimeSpan.FromMilliseconds(10));
        Assert.That((sim.Episode.Seed, sim.Episode.Index), Is.EqualTo((9, 3)));
        Assert.That(sim.Episode.Target, Is.EqualTo(sim.Task.Generate(9, 3).Target));

        // No command: the arm holds and the episode times out.
        node.Step(sim.Options.Task.TimeLimit + TimeSpan.FromSeconds(0.5));
        deadline = Environment.TickCount64 + 10_000;
        while (results.IsEmpty && Environment.TickCount64 < deadline)
        {
            await Task.Delay(10);
        }

        Assert.That(results.TryDequeue(out var r), Is.True, "no result published");
        Assert.That((r!.Seed, r.Index, r.Success), Is.EqualTo((9, 3, false)));
        Assert.That(r.Duration, Is.EqualTo(sim.Options.Task.TimeLimit.TotalSeconds).Within(0.05));
        Assert.That(r.TimeToSuccess, Is.NaN);
    }
}
