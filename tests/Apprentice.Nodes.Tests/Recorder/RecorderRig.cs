using System.Diagnostics;
using Apprentice.Dds.Memory;
using Apprentice.Dds.Transport;
using Apprentice.Nodes.Recorder;
using Apprentice.Ros.Registry;
using Apprentice.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Apprentice.Nodes.Tests.Recorder;

/// <summary>A talker node and a recorder on one in-memory bus with fake time, recording into a temporary directory.</summary>
internal sealed class RecorderRig : IDisposable
{
    public static readonly InterfaceRegistry Registry = InterfaceRegistry.CreateDefault(projectMsgFolder: RepoPaths.Path("msg"));

    private readonly InMemoryBus _bus = new();
    private readonly List<IDisposable> _owned = [];
    private readonly string _root = Path.Combine(Path.GetTempPath(), "apprentice-recorder-" + Guid.NewGuid().ToString("N"));

    public RecorderRig()
    {
        Talker = new InMemoryTransport(_bus, "talker", "/", Time, Serilog.Core.Logger.None);
        RecorderTransport = new InMemoryTransport(_bus, "recorder", "/", Time, Serilog.Core.Logger.None);
        _owned.Add(Talker);
        _owned.Add(RecorderTransport);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero));

    public ITransport Talker { get; }

    public ITransport RecorderTransport { get; }

    public string BagDirectory => Path.Combine(_root, "bag");

    public RecorderNode Recorder(RecorderOptions options)
    {
        var r = new RecorderNode(RecorderTransport, Registry, options with { OutputDirectory = BagDirectory }, Time, Serilog.Core.Logger.None);
        _owned.Add(r);
        return r;
    }

    public static RecorderOptions All => new() { OutputDirectory = "unused", All = true };

    public IRawPublisher Publisher(string topic, string type, Apprentice.Ros.Qos.QosProfile qos)
    {
        var p = Talker.CreateRawPublisher(topic, type, qos);
        _owned.Add(p);
        return p;
    }

    public static bool WaitFor(Func<bool> condition)
    {
        var sw = Stopwatch.StartNew();
        while (!condition() && sw.Elapsed < TimeSpan.FromSeconds(15))
        {
            Thread.Sleep(5);
        }

        return condition();
    }

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
