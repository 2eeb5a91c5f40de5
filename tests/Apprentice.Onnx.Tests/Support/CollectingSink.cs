using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Apprentice.Onnx.Tests.Support;

/// <summary>Keeps log events in memory so tests can read what was logged.</summary>
internal sealed class CollectingSink : ILogEventSink
{
    private readonly List<LogEvent> _events = [];

    public IReadOnlyList<LogEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public ILogger Logger() => new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();

    public void Emit(LogEvent logEvent)
    {
        lock (_events)
        {
            _events.Add(logEvent);
        }
    }

    public IEnumerable<string> Messages() => Events.Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
}
