using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Services;
using Apprentice.Ros.Msgs.StdSrvs;
using Apprentice.Ros.Qos;
using Apprentice.Sim.Nodes;
using Apprentice.Testing;

namespace Apprentice.Sim.Tests.Nodes;

[NonParallelizable]
public sealed class SimServicesDdsTests
{
    private static readonly uint Domain = (uint)Random.Shared.Next(100, 201);

    private static DdsNodeOptions Options(string name) =>
        new() { NodeName = name, DomainId = Domain, CycloneConfig = "file://" + RepoPaths.Path("config", "cyclonedds-loopback.xml") };

    [Test]
    public async Task ResetServiceStartsTheNextEpisodeAtTheNextStep()
    {
        using var sim = SimFixture.Load();
        using var simDds = new DdsNode(Options("sim"), TimeProvider.System, Serilog.Core.Logger.None);
        using var operatorDds = new DdsNode(Options("operator"), TimeProvider.System, Serilog.Core.Logger.None);
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
