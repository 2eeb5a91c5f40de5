using Apprentice.Core.Status;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.GeometryMsgs;

namespace Apprentice.Nodes.Policy;

/// <summary>
/// <c>geometry_msgs/TwistStamped</c> or <c>Twist</c> for a mobile base: 2 axes are (linear x,
/// angular z), 3 axes (linear x, linear y, angular z) [m/s, rad/s].
/// </summary>
internal sealed class TwistOutput : IPolicyOutput
{
    private readonly Publisher<TwistStamped>? _stamped;
    private readonly Publisher<Twist>? _plain;
    private readonly TwistStamped _message = new();
    private readonly TimeProvider _time;

    public TwistOutput(Publisher<TwistStamped>? stamped, Publisher<Twist>? plain, string frameId, TimeProvider time)
    {
        (_stamped, _plain, _time) = (stamped, plain, time);
        _message.Header.FrameId = frameId;
    }

    public void Activate()
    {
    }

    public void Publish(TimeSpan tickTime, ReadOnlySpan<double> command, CommandSource source)
    {
        var t = _message.Twist;
        t.Linear.X = command[0];
        t.Linear.Y = command.Length >= 3 ? command[1] : 0;
        t.Angular.Z = command[^1];
        if (_stamped is not null)
        {
            RosStamp.Now(_time, _message.Header.Stamp);
            _stamped.Publish(_message);
        }
        else
        {
            _plain!.Publish(t);
        }
    }

    public void Dispose()
    {
        _stamped?.Dispose();
        _plain?.Dispose();
    }
}
