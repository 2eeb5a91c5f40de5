using System.Globalization;
using Apprentice.Dds.Transport;
using Apprentice.Dds.Typed;
using Apprentice.Ros.Msgs.RclInterfaces;
using Apprentice.Ros.Qos;
using Serilog.Core;
using Serilog.Events;

namespace Apprentice.Dds.Logging;

/// <summary>
/// A Serilog sink that publishes every event on <c>/rosout</c> (rcl_interfaces/msg/Log; reliable,
/// transient local, keep-last 1000, lifespan 10 s, as rcl does), so <c>ros2 topic echo /rosout</c>
/// and rqt_console see our nodes' logs. Logging never throws into the caller: failures are counted
/// in <see cref="FailedCount"/> and otherwise ignored.
/// </summary>
/// <remarks>
/// Thread-safe. The logger name is the node's (namespace tokens and name joined by <c>.</c>, as rcl
/// names node loggers), with the event's <c>SourceContext</c> appended when present. Events logged
/// while publishing (e.g. by the transport itself) are dropped to avoid recursion.
/// </remarks>
public sealed class RosoutSink : ILogEventSink, IDisposable
{
    [ThreadStatic]
    private static bool _emitting;

    private readonly Publisher<Log> _publisher;
    private readonly TimeProvider _time;
    private readonly IFormatProvider? _format;
    private readonly Lock _gate = new();
    private readonly Log _message = new();
    private long _failed;
    private volatile bool _disposed;

    /// <summary>Creates the <c>/rosout</c> publisher on <paramref name="node"/>.</summary>
    /// <param name="node">The node whose logs these are.</param>
    /// <param name="time">Stamps the messages (ROS time when <c>use_sim_time</c>).</param>
    /// <param name="formatProvider">Renders message templates (default: invariant culture).</param>
    public RosoutSink(ITransport node, TimeProvider time, IFormatProvider? formatProvider = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _format = formatProvider ?? CultureInfo.InvariantCulture;
        LoggerName = string.Join('.', node.Namespace.Split('/', StringSplitOptions.RemoveEmptyEntries).Append(node.NodeName));
        _publisher = node.CreatePublisher<Log>("/rosout", QosProfiles.Rosout, initialBufferBytes: 1024);
    }

    /// <summary>The node's logger name, e.g. <c>robot.policy</c> for <c>/robot/policy</c>.</summary>
    public string LoggerName { get; }

    /// <summary>Events that could not be published (closed transport, full history, bad text).</summary>
    public long FailedCount => Interlocked.Read(ref _failed);

    /// <summary>The rcl_interfaces/msg/Log level of a Serilog level.</summary>
    public static byte LevelOf(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose or LogEventLevel.Debug => Log.DEBUG,
        LogEventLevel.Information => Log.INFO,
        LogEventLevel.Warning => Log.WARN,
        LogEventLevel.Error => Log.ERROR,
        _ => Log.FATAL,
    };

    /// <inheritdoc />
    public void Emit(LogEvent logEvent)
    {
        if (logEvent is null || _disposed || _emitting)
        {
            return;
        }

        _emitting = true;
        try
        {
            lock (_gate)
            {
                Fill(logEvent);
                if (_publisher.Publish(_message) != PublishOutcome.Published)
                {
                    Interlocked.Increment(ref _failed);
                }
            }
        }
#pragma warning disable CA1031 // logging must never throw into the code that logs
        catch (Exception)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _failed);
        }
        finally
        {
            _emitting = false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        lock (_gate)
        {
            _publisher.Dispose();
        }
    }

    private void Fill(LogEvent e)
    {
        var ns = (_time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
        _message.Stamp.Sec = (int)Math.Floor(ns / 1e9);
        _message.Stamp.Nanosec = (uint)(ns - (_message.Stamp.Sec * 1_000_000_000L));
        _message.Level = LevelOf(e.Level);
        _message.Name = e.Properties.TryGetValue("SourceContext", out var ctx) && ctx is ScalarValue { Value: string source }
            ? LoggerName + "." + source
            : LoggerName;
        var text = e.RenderMessage(_format);
        _message.Msg = e.Exception is null ? text : text + "\n" + e.Exception;
        _message.File = string.Empty;
        _message.Function = string.Empty;
        _message.Line = 0;
    }
}
