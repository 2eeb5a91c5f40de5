namespace Apprentice.Cli.Demo;

/// <summary>What <c>apprentice demo</c> runs. Paths are absolute after <see cref="Validate"/>.</summary>
internal sealed record DemoOptions
{
    /// <summary>Episodes to run (1..1000).</summary>
    public int Episodes { get; init; } = 5;

    /// <summary>Seed of the episodes (episode i is the sim's episode (seed, i)).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Policy model (.onnx with its policy card).</summary>
    public required string ModelPath { get; init; }

    /// <summary>Output directory: bag in <c>bag/</c>, report in <c>report/</c>, child logs in <c>logs/</c>.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The sim's scripted expert drives instead of the policy (no policy node): records labelled demonstrations.</summary>
    public bool Expert { get; init; }

    /// <summary>Render and record the sim camera.</summary>
    public bool Camera { get; init; }

    /// <summary>Private ROS domain of the run (0..232).</summary>
    public required int DomainId { get; init; }

    /// <summary>Repository (or install share) root holding <c>config/</c>.</summary>
    public required string ConfigRoot { get; init; }

    /// <summary>Longest wait for the nodes to come up.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest wait for one episode's result (the sim's own time limit decides it well before).</summary>
    public TimeSpan EpisodeTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Task text written into each recorded episode's label.</summary>
    public string TaskText { get; init; } = "reach the target sphere with the gripper";

    /// <summary>Who drives: "scripted expert" or the model's file name.</summary>
    public string Driver => Expert ? "scripted expert" : Path.GetFileName(ModelPath);

    /// <summary>A config file under <see cref="ConfigRoot"/>.</summary>
    public string Config(params string[] parts) => Path.Combine([ConfigRoot, "config", .. parts]);

    /// <summary>Checks every field; throws <see cref="ArgumentException"/> naming the option and the fix.</summary>
    public DemoOptions Validate()
    {
        if (Episodes is < 1 or > 1000)
        {
            throw new ArgumentException($"--episodes {Episodes}: must be 1..1000.");
        }

        if (DomainId is < 0 or > 232)
        {
            throw new ArgumentException($"--domain-id {DomainId}: ROS domain ids are 0..232.");
        }

        if (!Expert && !File.Exists(ModelPath))
        {
            throw new ArgumentException($"Policy model '{ModelPath}' not found; pass --model <file.onnx> (train one with `apprentice train`).");
        }

        foreach (var f in new[] { Config("policy_node.yaml"), Config("cyclonedds-loopback.xml"), Config("robots", "panda.urdf"), Config("robots", "panda_joint_limits.yaml") })
        {
            if (!File.Exists(f))
            {
                throw new ArgumentException($"'{f}' not found; run the demo from the repository checkout.");
            }
        }

        return this with { ModelPath = Path.GetFullPath(ModelPath), OutputDirectory = Path.GetFullPath(OutputDirectory) };
    }
}
