namespace Apprentice.Core.Control;

/// <summary>
/// Brings the commanded motion to rest without exceeding the configured deceleration: every tick
/// the velocity shrinks by the same fraction in every dimension (so the direction of motion is
/// kept and all joints stop together), limited by the tightest dimension. For position commands
/// the velocity is estimated from the last two commands and the position integrates the slowed
/// velocity. Stands in for the safety planner until that lands.
/// </summary>
/// <remarks>Allocation-free; control thread only.</remarks>
public sealed class SmoothHaltFallback : IFallbackCommandSource
{
    private readonly SmoothHaltOptions _options;
    private readonly double[] _velocity;

    /// <summary>Validates the options for a command of <paramref name="dimension"/> values.</summary>
    public SmoothHaltFallback(SmoothHaltOptions options, int dimension)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(dimension);
        _options = options;
        _velocity = new double[dimension];
    }

    /// <inheritdoc />
    public bool TryProduce(in FallbackContext context, Span<double> command)
    {
        var dt = context.Period.TotalSeconds;
        var n = _velocity.Length;
        if (_options.Kind == CommandKind.Velocity)
        {
            if (context.CommandsPublished == 0)
            {
                command.Clear();
                return true;
            }

            context.LastCommand.CopyTo(_velocity);
            Decelerate(dt);
            _velocity.AsSpan().CopyTo(command);
            return true;
        }

        if (context.CommandsPublished == 0)
        {
            return false;
        }

        for (var i = 0; i < n; i++)
        {
            _velocity[i] = context.CommandsPublished >= 2 ? (context.LastCommand[i] - context.PreviousCommand[i]) / dt : 0.0;
        }

        Decelerate(dt);
        for (var i = 0; i < n; i++)
        {
            command[i] = context.LastCommand[i] + (_velocity[i] * dt);
        }

        return true;
    }

    private void Decelerate(double dt)
    {
        // Every component loses the same fraction (1 − keep); the tightest dimension sets it.
        var fraction = 1.0;
        for (var i = 0; i < _velocity.Length; i++)
        {
            var speed = Math.Abs(_velocity[i]);
            if (!double.IsFinite(speed))
            {
                _velocity.AsSpan().Clear();
                return;
            }

            if (speed > 0)
            {
                fraction = Math.Min(fraction, _options.MaxDecelerationPerSec2[i] * dt / speed);
            }
        }

        var keep = 1.0 - fraction;
        for (var i = 0; i < _velocity.Length; i++)
        {
            _velocity[i] *= keep;
        }
    }
}
