namespace Apprentice.Sim.Perturbations;

/// <summary>Which perturbations <see cref="PerturbationSchedule.Generate"/> draws per episode, and how strong. Immutable.</summary>
public sealed record PerturbationOptions
{
    /// <summary>No perturbations.</summary>
    public static PerturbationOptions None { get; } = new() { Push = false, Dropout = false, Delay = false, Intrusion = false };

    /// <summary>Draw a push. Default true.</summary>
    public bool Push { get; init; } = true;

    /// <summary>Largest per-joint velocity impulse [rad/s]. Default 0.5.</summary>
    public double PushMaxRadPerSec { get; init; } = 0.5;

    /// <summary>Draw a /joint_states dropout. Default true.</summary>
    public bool Dropout { get; init; } = true;

    /// <summary>Dropout length. Default 0.3 s.</summary>
    public TimeSpan DropoutDuration { get; init; } = TimeSpan.FromSeconds(0.3);

    /// <summary>Draw a /joint_states delay. Default true.</summary>
    public bool Delay { get; init; } = true;

    /// <summary>Added latency during a delay. Default 0.1 s.</summary>
    public TimeSpan DelayAmount { get; init; } = TimeSpan.FromSeconds(0.1);

    /// <summary>Delay window length. Default 1 s.</summary>
    public TimeSpan DelayDuration { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Draw an obstacle intrusion into the TCP's path. Default true.</summary>
    public bool Intrusion { get; init; } = true;

    /// <summary>Intrusion length, slide-in included. Default 2 s.</summary>
    public TimeSpan IntrusionDuration { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the obstacle takes to slide from its park position into the path. Default 1 s.</summary>
    public TimeSpan IntrusionSlideIn { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Earliest perturbation start (episode time). Default 0.3 s.</summary>
    public TimeSpan EarliestStart { get; init; } = TimeSpan.FromSeconds(0.3);

    /// <summary>Latest perturbation start; starts are uniform in [<see cref="EarliestStart"/>, this], while the expert is still moving. Default 1.5 s.</summary>
    public TimeSpan LatestStart { get; init; } = TimeSpan.FromSeconds(1.5);
}
