using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Services;
using Apprentice.Ros.Msgs.StdSrvs;
using Apprentice.Ros.Qos;

namespace Apprentice.Sim.Nodes;

/// <summary>
/// The sim node's services on its <see cref="DdsNode"/>: <c>~/reset</c> (std_srvs/Trigger) starts the next seeded
/// episode at the next step; the response names it. Handlers run on the DDS receive thread and only request.
/// </summary>
public sealed class SimServices : IDisposable
{
    private readonly DdsServiceServer _reset;

    /// <summary>Registers the services of <paramref name="sim"/> on <paramref name="node"/> (named "sim": /sim/reset).</summary>
    public SimServices(DdsNode node, SimNode sim)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(sim);
        _reset = node.CreateService<TriggerService, TriggerRequest, TriggerResponse>("~/reset", QosProfiles.Services, _ =>
        {
            var current = sim.Simulation.Episode;
            sim.RequestReset();
            return new TriggerResponse { Success = true, Message = $"reset requested: episode {current.Index + 1} of seed {current.Seed} starts at the next step" };
        });
    }

    /// <inheritdoc />
    public void Dispose() => _reset.Dispose();
}
