using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.StdMsgs;
using Apprentice.Safety.Geometry;
using Apprentice.Sim.Expert;

namespace Apprentice.Nodes.Pipeline;

/// <summary>
/// The scripted expert watching the policy (HG-DAgger): each tick it computes its own command for the current state;
/// when the policy's command diverges beyond the <see cref="TakeoverGate"/> it publishes its command on the takeover
/// topic for at least the gate's number of ticks. The policy node turns those into intervention intervals that the
/// recorder records. Not thread-safe.
/// </summary>
internal sealed class Supervisor(Publisher<Float64MultiArray> takeover, TakeoverGate gate)
{
    private readonly Float64MultiArray _message = new() { Layout = new MultiArrayLayout { Dim = [], DataOffset = 0 }, Data = new double[7] };
    private int _holdTicks;

    /// <summary>Ticks on which the expert commanded (its labels) since the last <see cref="Reset"/>.</summary>
    public long Labels { get; private set; }

    /// <summary>Starts a new episode.</summary>
    public void Reset() => (_holdTicks, Labels) = (0, 0);

    /// <summary>Judges this tick's policy command; returns whether the expert published a takeover command.</summary>
    public bool Watch(TimeSpan episodeTime, ReadOnlySpan<double> q, Vec3 target, Vec3 tcp, double[] policyCommand, ScriptedExpert expert, bool intervening)
    {
        // The expert always runs so its path follows the episode; its output is only sent while it holds the arm.
        expert.Compute(episodeTime, q, target, _message.Data);
        var strayed = episodeTime >= gate.StrayAfter && (tcp - target).Length > gate.StrayRadiusM;
        if (_holdTicks == 0 && !intervening && policyCommand.Length == 7 && (strayed || Divergence(policyCommand, _message.Data) > gate.DivergenceRadPerSec))
        {
            _holdTicks = gate.MinTakeoverTicks;
        }

        if (_holdTicks == 0)
        {
            return false;
        }

        _holdTicks--;
        takeover.Publish(_message);
        Labels++;
        return true;
    }

    private static double Divergence(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < 7; i++)
        {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }

        return Math.Sqrt(sum);
    }
}
