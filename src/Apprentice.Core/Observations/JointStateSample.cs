namespace Apprentice.Core.Observations;

/// <summary>
/// One joint state in configured joint order (SI units: rad or m, rad/s or m/s, N·m or N).
/// Preallocated; overwritten in place by <see cref="JointStateBox"/>.
/// </summary>
public sealed class JointStateSample : Sample
{
    internal JointStateSample(int count)
    {
        Positions = new double[count];
        Velocities = new double[count];
        Efforts = new double[count];
    }

    /// <summary>Positions in configured order.</summary>
    public double[] Positions { get; }

    /// <summary>Velocities in configured order (zeros when <see cref="HasVelocities"/> is false).</summary>
    public double[] Velocities { get; }

    /// <summary>Efforts in configured order (zeros when <see cref="HasEfforts"/> is false).</summary>
    public double[] Efforts { get; }

    /// <summary>Whether the message carried a velocity for every joint.</summary>
    public bool HasVelocities { get; internal set; }

    /// <summary>Whether the message carried an effort for every joint.</summary>
    public bool HasEfforts { get; internal set; }

    /// <summary>Index (configured order) of the first configured joint the message lacked, or -1.</summary>
    public int MissingJoint { get; internal set; } = -1;
}
