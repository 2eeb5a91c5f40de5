using System.Globalization;
using Apprentice.Ros.Msgs.DiagnosticMsgs;

namespace Apprentice.Nodes.Diagnostics;

/// <summary>
/// What one diagnostic task fills in at each report, as diagnostic_updater's
/// <c>DiagnosticStatusWrapper</c>: a level and message (<see cref="Summary"/>, or the worst of several
/// with <see cref="MergeSummary"/>) and key/value pairs. Used only inside a task callback.
/// </summary>
public sealed class DiagnosticStatusBuilder
{
    private readonly List<KeyValue> _values = [];

    internal DiagnosticStatusBuilder()
    {
    }

    /// <summary>Level so far (<see cref="DiagnosticStatus.OK"/>, <c>WARN</c>, <c>ERROR</c>, <c>STALE</c>).</summary>
    public byte Level { get; private set; } = DiagnosticStatus.OK;

    /// <summary>Summary text so far.</summary>
    public string Message { get; private set; } = "";

    /// <summary>Sets level and message, replacing earlier ones.</summary>
    public void Summary(byte level, string message)
    {
        Level = level;
        Message = message ?? "";
    }

    /// <summary>
    /// Keeps the worse level; the message becomes this one when worse, or is appended with "; " when
    /// equally bad (diagnostic_updater's <c>mergeSummary</c>).
    /// </summary>
    public void MergeSummary(byte level, string message)
    {
        message ??= "";
        if (level > Level || Message.Length == 0)
        {
            Level = Math.Max(level, Level);
            Message = message;
        }
        else if (level == Level && message.Length > 0)
        {
            Message += "; " + message;
        }
    }

    /// <summary>Adds a key/value pair.</summary>
    public void Add(string key, string value) => _values.Add(new KeyValue { Key = key, Value = value ?? "" });

    /// <summary>Adds a count.</summary>
    public void Add(string key, long value) => Add(key, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a number (invariant culture, up to 6 significant decimals).</summary>
    public void Add(string key, double value) => Add(key, value.ToString("0.######", CultureInfo.InvariantCulture));

    internal DiagnosticStatus Build(string name, string hardwareId) =>
        new() { Level = Level, Name = name, Message = Message, HardwareId = hardwareId, Values = [.. _values] };
}
