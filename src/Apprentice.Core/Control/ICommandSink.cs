using Apprentice.Core.Status;

namespace Apprentice.Core.Control;

/// <summary>
/// Port: where each tick's final command goes (adapters: JointTrajectory, Float64MultiArray,
/// Twist publishers; a no-op sink in benchmarks).
/// </summary>
/// <remarks>Real-time contract: called on the control thread once per tick; must not block or allocate.</remarks>
public interface ICommandSink
{
    /// <summary>Publishes <paramref name="command"/> (units of the configured <see cref="CommandKind"/>) for the tick scheduled at <paramref name="tickTime"/>.</summary>
    void Publish(TimeSpan tickTime, ReadOnlySpan<double> command, CommandSource source);
}
