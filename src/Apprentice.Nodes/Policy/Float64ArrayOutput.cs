using Apprentice.Core.Observations;
using Apprentice.Core.Status;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.StdMsgs;

namespace Apprentice.Nodes.Policy;

/// <summary>
/// <c>std_msgs/Float64MultiArray</c> for ros2_control's forward_command_controller: the safe
/// velocities, or positions integrated from the measured position at activation.
/// </summary>
internal sealed class Float64ArrayOutput : IPolicyOutput
{
    private readonly Publisher<Float64MultiArray> _publisher;
    private readonly Float64MultiArray _message = new();
    private readonly PositionIntegrator? _integrator;
    private readonly double _dt;

    public Float64ArrayOutput(Publisher<Float64MultiArray> publisher, int dimension, bool positions, TimeSpan period, JointStateBox? measured)
    {
        _publisher = publisher;
        _message.Data = new double[dimension];
        _integrator = positions ? new PositionIntegrator(dimension, measured) : null;
        _dt = period.TotalSeconds;
    }

    public void Activate() => _integrator?.Restart();

    public void Publish(TimeSpan tickTime, ReadOnlySpan<double> command, CommandSource source)
    {
        if (_integrator is null)
        {
            command.CopyTo(_message.Data);
        }
        else
        {
            if (!_integrator.TryStep(command, _dt))
            {
                return;
            }

            _integrator.Position.CopyTo(_message.Data);
        }

        _publisher.Publish(_message);
    }

    public void Dispose() => _publisher.Dispose();
}
