using Apprentice.Dds.Services;
using Apprentice.Ros.Msgs.StdSrvs;
using Apprentice.Ros.Qos;
using Apprentice.Sim.Nodes;

namespace Apprentice.Sim.Tests.Nodes;

[NonParallelizable]
public sealed class SimServicesDdsTests
{
    [Test]
    public async Task ResetServiceStartsTheNextEpisodeAtTheNextStep()
    {
        using var sim = SimFixture.Load();
        using var simDds = LoopbackDds.Node("sim");
        using var operatorDds = LoopbackDds.Node("operator");
        using var node = new SimNode(simDds, sim, camera: false, Serilog.Core.Logger.None);
        using var services = new SimServices(simDds, node);
        node.Reset(sim.Task.Generate(4, 0));
        node.Step(TimeSpan.FromSeconds(0.5));
        using var reset = operatorDds.CreateClient<TriggerService, TriggerRequest, TriggerResponse>("/sim/reset", QosProfiles.Services);
        var deadline = Environment.TickCount64 + 15_000;
        while (!reset.IsServiceReady && Environment.TickCount64 < deadline)
        {
            await Task.Delay(10);
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var response = await reset.CallAsync<TriggerRequest, TriggerResponse>(new TriggerRequest(), cancel.Token);
        Assert.That(response.Success, Is.True);
        Assert.That(response.Message, Does.Contain("episode 1"));
        Assert.That(sim.Episode.Index, Is.Zero, "the reset waits for the stepping thread");
        node.Step(TimeSpan.FromMilliseconds(10));
        Assert.That(sim.Episode.Index, Is.EqualTo(1));
        Assert.That(sim.Episode.Target, Is.EqualTo(sim.Task.Generate(4, 1).Target));
        Assert.That(sim.EpisodeTime, Is.EqualTo(TimeSpan.FromMilliseconds(10)));
        Assert.That(node.Clock.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(510)), "the clock keeps running across resets");
    }
}
