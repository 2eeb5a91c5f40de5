using System.Diagnostics;
using Apprentice.Bag.Bags;
using Apprentice.Bag.Storage;
using Apprentice.Dds.Memory;
using Apprentice.Dds.Transport;
using Apprentice.Nodes.Player;
using Apprentice.Ros.Qos;
using Microsoft.Extensions.Time.Testing;

namespace Apprentice.Nodes.Tests.Player;

/// <summary>A bag made by the test, a player node and a listener node on one in-memory bus, all on fake time.</summary>
internal sealed class PlayerRig : IDisposable
{
    public const string Type = "std_msgs/msg/String";
    public static readonly DateTimeOffset Epoch = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly InMemoryBus _bus = new();
    private readonly List<IDisposable> _owned = [];

    public PlayerRig(IReadOnlyList<BagMessage> messages, IReadOnlyDictionary<string, string>? offeredQos = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "apprentice-player-" + Guid.NewGuid().ToString("N"));
        Messages = messages;
        using (var writer = BagWriter.Create(Directory))
        {
            foreach (var topic in messages.Select(m => m.Topic).Distinct())
            {
                writer.CreateTopic(new BagTopic(topic, Type, OfferedQosProfiles: offeredQos?.GetValueOrDefault(topic) ?? ""), null);
            }

            foreach (var m in messages)
            {
                writer.Write(m);
            }

            writer.Close();
        }

        Reader = BagReader.Open(Directory);
        PlayerNode = Node("player");
        ListenerNode = Node("listener");
    }

    public string Directory { get; }

    public IReadOnlyList<BagMessage> Messages { get; }

    public FakeTimeProvider Time { get; } = new(Epoch);

    public BagReader Reader { get; }

    public ITransport PlayerNode { get; }

    public ITransport ListenerNode { get; }

    public List<(string Topic, byte[] Bytes)> Received { get; } = [];

    /// <summary>Messages with payload i on topics in turn, <paramref name="step"/> apart.</summary>
    public static List<BagMessage> Sequence(int count, TimeSpan step, params string[] topics)
    {
        var start = Epoch.AddHours(-5).ToUnixTimeMilliseconds() * 1_000_000L;
        return Enumerable.Range(0, count)
            .Select(i => new BagMessage(topics[i % topics.Length], start + (i * step.Ticks * 100) + (i * 7), start, Payload(i)))
            .ToList();
    }

    /// <summary>A std_msgs/String CDR payload "m{i}".</summary>
    public static byte[] Payload(int i)
    {
        var text = System.Text.Encoding.UTF8.GetBytes("m" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\0");
        var bytes = new byte[8 + text.Length + 3 & ~3];
        bytes[1] = 1;
        BitConverter.TryWriteBytes(bytes.AsSpan(4), text.Length);
        text.CopyTo(bytes, 8);
        return bytes;
    }

    public BagPlayer Player(PlayerOptions options)
    {
        var player = new BagPlayer(Reader, PlayerNode, options, Time, Serilog.Core.Logger.None);
        _owned.Add(player);
        return player;
    }

    public void Listen(string topic, QosProfile? qos = null) =>
        _owned.Add(ListenerNode.CreateRawSubscription(topic, Type, qos ?? QosProfiles.Default, (cdr, _) =>
        {
            lock (Received)
            {
                Received.Add((topic, cdr.ToArray()));
            }
        }));

    public int ReceivedCount()
    {
        lock (Received)
        {
            return Received.Count;
        }
    }

    /// <summary>
    /// Runs playback, advancing fake time exactly to each due time the player waits for, until
    /// playback ends or <paramref name="stop"/> holds (then it is cancelled).
    /// </summary>
    public void Drive(BagPlayer player, Func<bool>? stop = null)
    {
        using var cts = new CancellationTokenSource();
        var task = player.PlayAsync(cts.Token);
        var sw = Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            Assert.That(sw.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "playback did not finish");
            if (stop?.Invoke() ?? false)
            {
                cts.Cancel();
                break;
            }

            if (player.WaitingUntil is { } due && due > Time.GetUtcNow())
            {
                Time.SetUtcNow(due);
            }
            else
            {
                Thread.Sleep(1);
            }
        }

        Assert.That(task.Wait(TimeSpan.FromSeconds(10)), Is.True, "playback did not stop");
    }

    public static bool WaitFor(Func<bool> condition)
    {
        var sw = Stopwatch.StartNew();
        while (!condition() && sw.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(5);
        }

        return condition();
    }

    private ITransport Node(string name)
    {
        var node = new InMemoryTransport(_bus, name, "/", Time, Serilog.Core.Logger.None);
        _owned.Add(node);
        return node;
    }

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        Reader.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
