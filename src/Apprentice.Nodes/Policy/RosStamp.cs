using Apprentice.Ros.Msgs.BuiltinInterfaces;

namespace Apprentice.Nodes.Policy;

/// <summary>ROS <c>builtin_interfaces</c> time values from .NET times (allocation-free: fills existing messages).</summary>
internal static class RosStamp
{
    /// <summary>Writes the node clock's time (ROS time: sim time under <c>use_sim_time</c>) into <paramref name="stamp"/>.</summary>
    public static void Now(TimeProvider time, Time stamp)
    {
        var ns = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
        stamp.Sec = (int)(ns / 1_000_000_000);
        stamp.Nanosec = (uint)(ns % 1_000_000_000);
    }

    /// <summary>Writes a span as a <c>Duration</c>.</summary>
    public static void Write(TimeSpan span, Duration duration)
    {
        var ns = span.Ticks * 100;
        duration.Sec = (int)(ns / 1_000_000_000);
        duration.Nanosec = (uint)(ns % 1_000_000_000);
    }
}
