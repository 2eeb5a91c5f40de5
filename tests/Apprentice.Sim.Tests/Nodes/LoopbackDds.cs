using Apprentice.Dds.Cyclone;
using Apprentice.Testing;

namespace Apprentice.Sim.Tests.Nodes;

/// <summary>DDS nodes for the sim's service tests: one random domain per run (100..200), loopback-only discovery.</summary>
internal static class LoopbackDds
{
    private static readonly uint Domain = (uint)Random.Shared.Next(100, 201);

    public static DdsNode Node(string name) => new(
        new DdsNodeOptions { NodeName = name, DomainId = Domain, CycloneConfig = "file://" + RepoPaths.Path("config", "cyclonedds-loopback.xml") },
        TimeProvider.System,
        Serilog.Core.Logger.None);
}
