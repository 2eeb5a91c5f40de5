using Apprentice.Core.Control;
using Apprentice.Core.Observations;

namespace Apprentice.Nodes.Policy;

/// <summary>
/// A command publisher of one output kind. It receives the safe velocities of each tick
/// [rad/s or m/s] and turns them into the configured message.
/// </summary>
/// <remarks>Control thread only; allocation-free per tick.</remarks>
internal interface IPolicyOutput : ICommandSink, IDisposable
{
    /// <summary>Called on activation and reset: position outputs restart from the measured position.</summary>
    void Activate();
}

/// <summary>
/// Integrates safe velocities into position commands, starting from the measured position at the
/// first tick after activation or reset (MoveIt Servo's way): the commanded position never jumps to
/// where the policy asks but moves at the filtered velocity from where the robot was.
/// </summary>
internal sealed class PositionIntegrator
{
    private readonly double[] _position;
    private readonly JointStateBox? _measured;
    private bool _ready;

    public PositionIntegrator(int dimension, JointStateBox? measured)
    {
        _position = new double[dimension];
        _measured = measured;
    }

    /// <summary>The integrated position.</summary>
    public ReadOnlySpan<double> Position => _position;

    /// <summary>Starts again from the measured position at the next step.</summary>
    public void Restart() => _ready = false;

    /// <summary>Advances by <paramref name="velocity"/> over <paramref name="dt"/> seconds; false while no measured position is known.</summary>
    public bool TryStep(ReadOnlySpan<double> velocity, double dt)
    {
        if (!_ready)
        {
            // Read on the control thread right after the tick's snapshot: Current is that snapshot's sample.
            var sample = _measured?.Current;
            if (sample is not { Sequence: > 0, IsUsable: true } || sample.Positions.Length != _position.Length)
            {
                return false;
            }

            sample.Positions.CopyTo(_position, 0);
            _ready = true;
        }

        for (var i = 0; i < _position.Length; i++)
        {
            _position[i] += velocity[i] * dt;
        }

        return true;
    }
}
