using Apprentice.Safety.Model;
using Apprentice.Sim.Scene;
using Apprentice.Testing;

namespace Apprentice.Sim.Tests;

/// <summary>Paths and loaders shared by the simulation tests.</summary>
internal static class SimFixture
{
    public static string YamlPath => RepoPaths.Path("config", "sim", "reach.yaml");

    public static ReachOptions Options { get; } = ReachOptions.Load(YamlPath);

    public static RobotDescription Panda { get; } = UrdfParser.Parse(File.ReadAllText(Options.RobotDescriptionPath), "panda.urdf");

    public static ReachSimulation Load() => ReachSimulation.Load(Options);
}
