using Apprentice.Dds.Transport;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;

namespace Apprentice.Dds.Logging;

/// <summary><c>WriteTo.Rosout(node, time)</c>.</summary>
public static class RosoutSinkExtensions
{
    /// <summary>Adds a <see cref="RosoutSink"/> for <paramref name="node"/>; the logger disposes it.</summary>
    public static LoggerConfiguration Rosout(this LoggerSinkConfiguration sinks, ITransport node, TimeProvider time, LogEventLevel minimumLevel = LogEventLevel.Information)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        return sinks.Sink(new RosoutSink(node, time), minimumLevel);
    }
}
