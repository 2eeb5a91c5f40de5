using Apprentice.Core.Control;
using Apprentice.Core.Status;

namespace Apprentice.Core.Tests.Support;

/// <summary>Keeps every published command in preallocated storage (allocation-free up to its capacity).</summary>
internal sealed class RecordingSink : ICommandSink
{
    private readonly double[][] _commands;
    private readonly CommandSource[] _sources;
    private readonly TimeSpan[] _times;

    public RecordingSink(int dimension, int capacity = 1024)
    {
        _commands = new double[capacity][];
        for (var i = 0; i < capacity; i++)
        {
            _commands[i] = new double[dimension];
        }

        _sources = new CommandSource[capacity];
        _times = new TimeSpan[capacity];
    }

    public int Count { get; private set; }

    public double[] Command(int i) => _commands[i];

    public CommandSource Source(int i) => _sources[i];

    public TimeSpan Time(int i) => _times[i];

    public double[] Last => _commands[(Count - 1) % _commands.Length];

    public void Publish(TimeSpan tickTime, ReadOnlySpan<double> command, CommandSource source)
    {
        var slot = Count % _commands.Length;
        command.CopyTo(_commands[slot]);
        _sources[slot] = source;
        _times[slot] = tickTime;
        Count++;
    }
}
