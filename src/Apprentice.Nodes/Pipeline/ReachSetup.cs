using Apprentice.Nodes.Policy;
using Apprentice.Ros.Args;
using Apprentice.Ros.Registry;
using Apprentice.Safety.Model;
using Apprentice.Sim.Expert;
using Apprentice.Sim.Scene;

namespace Apprentice.Nodes.Pipeline;

/// <summary>
/// Where the reach task's files live in a checkout (config/sim/reach.yaml, config/policy_node.yaml, the Panda URDF and
/// joint limits, msg/) and how the pipeline builds its pieces from them. Immutable.
/// </summary>
/// <param name="Root">Repository (or install share) root.</param>
public sealed record ReachSetup(string Root)
{
    /// <summary>Simulation parameters.</summary>
    public string SimConfig => Path.Combine(Root, "config", "sim", "reach.yaml");

    /// <summary>Policy node parameters (the committed configuration).</summary>
    public string PolicyConfig => Path.Combine(Root, "config", "policy_node.yaml");

    /// <summary>The Panda URDF.</summary>
    public string Urdf => Path.Combine(Root, "config", "robots", "panda.urdf");

    /// <summary>The Panda's ros2_control joint limits.</summary>
    public string JointLimits => Path.Combine(Root, "config", "robots", "panda_joint_limits.yaml");

    /// <summary>Finds the checkout above <paramref name="directory"/> (the first folder holding config/sim/reach.yaml).</summary>
    /// <exception cref="DirectoryNotFoundException">None above it.</exception>
    public static ReachSetup FindFrom(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "config", "sim", "reach.yaml")))
            {
                return new ReachSetup(dir.FullName);
            }
        }

        throw new DirectoryNotFoundException($"No config/sim/reach.yaml above '{directory}': run from the repository checkout.");
    }

    /// <summary>The simulation options.</summary>
    public ReachOptions Sim() => ReachOptions.Load(SimConfig);

    /// <summary>A fresh scripted expert for the Panda of <paramref name="sim"/>.</summary>
    public static ScriptedExpert Expert(ReachOptions sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        return ScriptedExpert.ForPanda(UrdfParser.Parse(File.ReadAllText(sim.RobotDescriptionPath), sim.RobotDescriptionPath), sim.Task.Home);
    }

    /// <summary>Message definitions for recording (the project's msg/ folder plus the embedded ones).</summary>
    public InterfaceRegistry Registry() => InterfaceRegistry.CreateDefault(projectMsgFolder: Path.Combine(Root, "msg"));

    /// <summary>
    /// The committed policy node configuration with the model, robot paths and <c>safety.blending</c> set, then
    /// <paramref name="overrides"/> (as <c>-p</c> would).
    /// </summary>
    public PolicyNodeOptions Policy(string modelPath, bool blending, string? anchorPath = null, IReadOnlyDictionary<string, RosParameterValue>? overrides = null)
    {
        var values = new Dictionary<string, RosParameterValue>(ParamsFile.Load(PolicyConfig).For("/policy_node"))
        {
            ["model.path"] = new(RosParameterType.String, modelPath),
            ["robot.urdf_path"] = new(RosParameterType.String, Urdf),
            ["robot.joint_limits_path"] = new(RosParameterType.String, JointLimits),
            ["safety.blending"] = new(RosParameterType.Bool, blending),
        };
        if (anchorPath is not null)
        {
            values["safety.anchor_path"] = new(RosParameterType.String, anchorPath);
        }

        foreach (var (k, v) in overrides ?? new Dictionary<string, RosParameterValue>())
        {
            values[k] = v;
        }

        return PolicyParameters.Bind(values);
    }
}
