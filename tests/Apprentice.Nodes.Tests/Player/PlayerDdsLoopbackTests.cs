using System.Diagnostics;
using Apprentice.Bag.Bags;
using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Transport;
using Apprentice.Nodes.Player;
using Apprentice.Ros.Qos;
using Apprentice.Testing;

namespace Apprentice.Nodes.Tests.Player;

[TestFixture]
[NonParallelizable]
public sealed class PlayerDdsLoopbackTests
{
    [Test]
    public void ASubscriberOnAnotherNodeReceivesEveryMessageOfARealBagByteIdentical()
    {
        using var bag = BagReader.Open(TestData.Path("rosbag2", "mcap", "talker"));
        var expected = bag.ReadMessages().Select(m => (m.Topic, Bytes: m.Data.ToArray())).ToList();
        var types = bag.Topics.ToDictionary(t => t.Name, t => t.Type);
        using var player = new DdsNode(LoopbackNode.Options("bag_player"), TimeProvider.System, Serilog.Core.Logger.None);
        using var listener = new DdsNode(LoopbackNode.Options("bag_listener"), TimeProvider.System, Serilog.Core.Logger.None);
        var received = new List<(string Topic, byte[] Bytes)>();
        var subs = expected.Select(e => e.Topic).Distinct().Select(topic => listener.CreateRawSubscription(topic, types[topic], QosProfiles.Default, (cdr, _) =>
        {
            lock (received)
            {
                received.Add((topic, cdr.ToArray()));
            }
        })).ToList();
        try
        {
            using var replay = new BagPlayer(bag, player, PlayerOptions.Default with { Rate = 20 }, TimeProvider.System, Serilog.Core.Logger.None);
            var played = expected.Select(e => e.Topic).Distinct().ToList();
            Assert.That(Until(() => played.All(t => replay.MatchedSubscriptions()[t] == 1) && subs.All(s => s.MatchedPublisherCount == 1)), Is.True, "the player never matched the listener");

            replay.PlayAsync().Wait(TimeSpan.FromSeconds(30));
            Assert.That(Until(() => Count(received) == expected.Count), Is.True, $"received {Count(received)} of {expected.Count}");
            lock (received)
            {
                foreach (var topic in played)
                {
                    Assert.That(received.Where(r => r.Topic == topic).Select(r => r.Bytes), Is.EqualTo(expected.Where(e => e.Topic == topic).Select(e => e.Bytes)), topic);
                }
            }

            Assert.That(replay.TopicQos["/rosout"].Durability, Is.EqualTo(DurabilityPolicy.TransientLocal), "recorded offer of /rosout");
        }
        finally
        {
            subs.ForEach(s => s.Dispose());
        }
    }

    private static int Count(List<(string, byte[])> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    private static bool Until(Func<bool> condition)
    {
        var sw = Stopwatch.StartNew();
        while (!condition() && sw.Elapsed < TimeSpan.FromSeconds(15))
        {
            Thread.Sleep(10);
        }

        return condition();
    }
}

/// <summary>DdsNode options on a per-run random domain with loopback-only discovery.</summary>
internal static class LoopbackNode
{
    public static uint Domain { get; } = (uint)Random.Shared.Next(100, 201);

    public static DdsNodeOptions Options(string name) =>
        new() { NodeName = name, DomainId = Domain, CycloneConfig = "file://" + RepoPaths.Path("config", "cyclonedds-loopback.xml") };
}
