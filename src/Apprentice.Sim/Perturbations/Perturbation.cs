using Apprentice.Safety.Geometry;

namespace Apprentice.Sim.Perturbations;

/// <summary>A disturbance injected at episode time <see cref="Start"/> for <see cref="Duration"/>. Immutable.</summary>
public abstract record Perturbation(TimeSpan Start, TimeSpan Duration)
{
    /// <summary>Whether the perturbation is in effect at episode time <paramref name="t"/>.</summary>
    public bool IsActive(TimeSpan t) => t >= Start && t < Start + Duration;
}

/// <summary>A push: the joint velocities jump by <see cref="JointVelocityImpulseRadPerSec"/> once, at <see cref="Perturbation.Start"/>.</summary>
public sealed record PushPerturbation(TimeSpan Start, IReadOnlyList<double> JointVelocityImpulseRadPerSec) : Perturbation(Start, TimeSpan.Zero);

/// <summary>The sim stops publishing <see cref="Topic"/> (e.g. "/joint_states", "/scan") for the duration.</summary>
public sealed record SensorDropoutPerturbation(TimeSpan Start, TimeSpan Duration, string Topic) : Perturbation(Start, Duration);

/// <summary>Messages on <see cref="Topic"/> are published <see cref="Delay"/> late (with their original stamps) for the duration.</summary>
public sealed record SensorDelayPerturbation(TimeSpan Start, TimeSpan Duration, string Topic, TimeSpan Delay) : Perturbation(Start, Duration);

/// <summary>
/// The obstacle slides in a straight line from its park position to <see cref="Position"/> [m, panda_link0] over
/// <see cref="SlideIn"/> (so a controller can react; zero = a jump), stays until the duration ends, then returns to
/// its park position at once.
/// </summary>
public sealed record ObstacleIntrusionPerturbation(TimeSpan Start, TimeSpan Duration, Vec3 Position, TimeSpan SlideIn = default) : Perturbation(Start, Duration)
{
    /// <summary>Where the obstacle is at episode time <paramref name="t"/> inside the perturbation, coming from <paramref name="park"/>.</summary>
    public Vec3 PositionAt(TimeSpan t, Vec3 park)
    {
        if (SlideIn <= TimeSpan.Zero || t - Start >= SlideIn)
        {
            return Position;
        }

        var f = (t - Start) / SlideIn;
        return park + (Math.Clamp(f, 0, 1) * (Position - park));
    }
}
