using Apprentice.Core.Observations;
using Apprentice.Core.Policies.Card;
using Apprentice.Core.Status;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.TrajectoryMsgs;
using Apprentice.Safety.Limits;

namespace Apprentice.Nodes.Policy;

/// <summary>
/// <c>trajectory_msgs/JointTrajectory</c> for JointTrajectoryController. Point 1 is the safe
/// velocity integrated one period ahead of the commanded position (which starts at the measured
/// position on activation). In chunk mode, while the policy drives, the rest of the action chunk
/// follows as further points, one period apart (<c>time_from_start</c>), its velocities clipped to
/// the joint velocity limits and integrated from point 1; the filter re-judges every tick.
/// </summary>
internal sealed class JointTrajectoryOutput : IPolicyOutput
{
    private readonly Publisher<JointTrajectory> _publisher;
    private readonly PositionIntegrator _integrator;
    private readonly ChunkRecorder? _chunk;
    private readonly ActionMode _mode;
    private readonly JointLimits[] _limits;
    private readonly TimeSpan _period;
    private readonly JointTrajectory[] _messages;
    private readonly double[] _velocity;
    private readonly double[] _position;

    public JointTrajectoryOutput(Publisher<JointTrajectory> publisher, IReadOnlyList<string> joints, string frameId, TimeSpan period, JointLimits[] limits, ChunkRecorder? chunk, ActionMode mode, JointStateBox? measured)
    {
        (_publisher, _period, _limits, _chunk, _mode) = (publisher, period, limits, chunk, mode);
        var n = joints.Count;
        _integrator = new PositionIntegrator(n, measured);
        (_velocity, _position) = (new double[n], new double[n]);
        var steps = chunk?.ChunkLength ?? 1;

        // One message per point count (1 and the chunk length), so no tick resizes an array.
        _messages = [Message(1), Message(steps)];

        JointTrajectory Message(int points)
        {
            var m = new JointTrajectory { JointNames = [.. joints], Points = new JointTrajectoryPoint[points] };
            m.Header.FrameId = frameId;
            for (var k = 0; k < points; k++)
            {
                m.Points[k] = new JointTrajectoryPoint { Positions = new double[n], Velocities = new double[n], Accelerations = [], Effort = [] };
                RosStamp.Write(period * (k + 1), m.Points[k].TimeFromStart);
            }

            return m;
        }
    }

    public void Activate() => _integrator.Restart();

    public void Publish(TimeSpan tickTime, ReadOnlySpan<double> command, CommandSource source)
    {
        var dt = _period.TotalSeconds;
        if (!_integrator.TryStep(command, dt))
        {
            return;
        }

        var whole = _chunk is { HasChunk: true, ChunkLength: > 1 } && source == CommandSource.Policy;
        var message = _messages[whole ? 1 : 0];
        _integrator.Position.CopyTo(message.Points[0].Positions);
        command.CopyTo(message.Points[0].Velocities);
        if (whole)
        {
            _integrator.Position.CopyTo(_position);
            for (var k = 1; k < message.Points.Length; k++)
            {
                ChunkVelocity(k, dt);
                var point = message.Points[k];
                for (var i = 0; i < _position.Length; i++)
                {
                    _position[i] += _velocity[i] * dt;
                    point.Positions[i] = _position[i];
                    point.Velocities[i] = _velocity[i];
                }
            }
        }

        // A zero stamp tells the controller to start the trajectory on arrival.
        _publisher.Publish(message);
    }

    public void Dispose() => _publisher.Dispose();

    private void ChunkVelocity(int step, double dt)
    {
        var chunk = _chunk!.LastChunk;
        var n = _velocity.Length;
        for (var i = 0; i < n; i++)
        {
            var a = chunk[(step * n) + i];
            var v = _mode switch
            {
                ActionMode.Velocity => a,
                ActionMode.Delta => a / dt,
                _ => (a - chunk[((step - 1) * n) + i]) / dt,
            };
            var max = _limits[i].MaxVelocity;
            _velocity[i] = double.IsFinite(v) ? Math.Clamp(v, -max, max) : 0;
        }
    }
}
