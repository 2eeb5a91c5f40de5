using Apprentice.Nodes.Player;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Msgs.RosgraphMsgs;
using Apprentice.Ros.Qos;

namespace Apprentice.Nodes.Tests.Player;

[TestFixture]
public sealed class BagPlayerTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(1000)]
    public void PublishesEveryMessageByteIdenticalInReceiveTimeOrder(int readAhead)
    {
        using var rig = new PlayerRig(PlayerRig.Sequence(12, Step, "/a", "/b", "/c"));
        foreach (var t in new[] { "/a", "/b", "/c" })
        {
            rig.Listen(t);
        }

        var player = rig.Player(PlayerOptions.Default with { ReadAheadMessages = readAhead });
        rig.Drive(player);

        Assert.That(PlayerRig.WaitFor(() => rig.ReceivedCount() == 12), Is.True, $"received {rig.ReceivedCount()}");
        Assert.That(rig.Received.Select(r => (r.Topic, r.Bytes)), Is.EqualTo(rig.Messages.Select(m => (m.Topic, m.Data.ToArray()))));
        Assert.That(player.PublishedCount, Is.EqualTo(12));
    }

    [TestCase(1.0)]
    [TestCase(2.0)]
    [TestCase(0.25)]
    public void SpacesMessagesByReceiveTimeDividedByRate(double rate)
    {
        using var rig = new PlayerRig(PlayerRig.Sequence(6, Step, "/a"));
        var player = rig.Player(PlayerOptions.Default with { Rate = rate });
        var times = new List<(long Recv, DateTimeOffset Wall)>();
        player.MessagePublished += (_, recv, wall) => times.Add((recv, wall));
        rig.Drive(player);

        Assert.That(times, Has.Count.EqualTo(6));
        var first = rig.Messages[0].RecvTimestampNs;
        foreach (var (recv, wall) in times)
        {
            var expectedTicks = (recv - first) / 100.0 / rate;
            Assert.That((wall - PlayerRig.Epoch).Ticks, Is.EqualTo(expectedTicks).Within(1.0));
        }
    }

    [Test]
    public void LoopStartsAgainFromTheBeginning()
    {
        using var rig = new PlayerRig(PlayerRig.Sequence(4, Step, "/a"));
        rig.Listen("/a");
        var player = rig.Player(PlayerOptions.Default with { Loop = true });
        var published = new List<long>();
        player.MessagePublished += (_, recv, _) => published.Add(recv);
        rig.Drive(player, () => player.PublishedCount >= 10);

        var once = rig.Messages.Select(m => m.RecvTimestampNs).ToList();
        Assert.That(published.Take(10), Is.EqualTo(once.Concat(once).Concat(once).Take(10)));
    }

    [Test]
    public void TopicListAndExcludeRegexSelectWhatIsPlayed()
    {
        using var rig = new PlayerRig(PlayerRig.Sequence(12, Step, "/a", "/b", "/camera/raw"));
        var player = rig.Player(PlayerOptions.Default with { Topics = new HashSet<string> { "/a", "/camera/raw" }, ExcludeRegex = "^/camera/" });
        var topics = new List<string>();
        player.MessagePublished += (t, _, _) => topics.Add(t);
        rig.Drive(player);

        Assert.That(topics, Is.EqualTo(Enumerable.Repeat("/a", 4)));
        Assert.That(player.TopicQos.Keys, Is.EquivalentTo(new[] { "/a" }));
    }

    [Test]
    public void RemapPublishesUnderTheNewName()
    {
        using var rig = new PlayerRig(PlayerRig.Sequence(4, Step, "/a", "/b"));
        rig.Listen("/robot/a");
        rig.Listen("/b");
        var player = rig.Player(PlayerOptions.Default with { Remaps = new Dictionary<string, string> { ["/a"] = "/robot/a" } });
        rig.Drive(player);

        Assert.That(PlayerRig.WaitFor(() => rig.ReceivedCount() == 4), Is.True);
        Assert.That(rig.Received.Select(r => r.Topic), Is.EqualTo(new[] { "/robot/a", "/b", "/robot/a", "/b" }));
    }

    [Test]
    public void StartOffsetSkipsTheBeginningAndStartsAtOnce()
    {
        using var rig = new PlayerRig(PlayerRig.Sequence(6, Step, "/a"));
        var player = rig.Player(PlayerOptions.Default with { StartOffset = TimeSpan.FromMilliseconds(250) });
        var times = new List<(long Recv, DateTimeOffset Wall)>();
        player.MessagePublished += (_, recv, wall) => times.Add((recv, wall));
        rig.Drive(player);

        var skipped = rig.Messages[0].RecvTimestampNs + 250_000_000;
        Assert.That(times.Select(t => t.Recv), Is.EqualTo(rig.Messages.Select(m => m.RecvTimestampNs).Where(t => t >= skipped)));
        Assert.That((times[0].Wall - PlayerRig.Epoch).Ticks, Is.EqualTo((times[0].Recv - skipped) / 100.0).Within(1.0));
    }

    [Test]
    public void ClockPublishesBagTimeAtTheRequestedRate()
    {
        using var rig = new PlayerRig(PlayerRig.Sequence(6, Step, "/a"));
        var stamps = new List<(long BagNs, DateTimeOffset Wall)>();
        rig.ListenerNode.CreateRawSubscription("/clock", Clock.RosTypeName, ClockPublisher.Qos, (cdr, _) =>
        {
            var c = RosMessageCodec.Decode<Clock>(cdr);
            lock (stamps)
            {
                stamps.Add(((c.ClockValue.Sec * 1_000_000_000L) + c.ClockValue.Nanosec, rig.Time.GetUtcNow()));
            }
        });
        var player = rig.Player(PlayerOptions.Default with { ClockHz = 20, Rate = 2 });
        rig.Drive(player);

        // 500 ms of bag at rate 2 = 250 ms wall; 20 Hz ⇒ ticks at 0, 50, …, 250 ms.
        Assert.That(PlayerRig.WaitFor(() => { lock (stamps) { return stamps.Count >= 5; } }), Is.True);
        var first = rig.Messages[0].RecvTimestampNs;
        lock (stamps)
        {
            Assert.That(stamps.Select(s => s.BagNs), Is.Ordered);
            Assert.That(stamps[0].BagNs, Is.EqualTo(first));
            // The last tick is at or just after the last message (wall time has 100 ns ticks, ×2 for the rate).
            Assert.That(stamps[^1].BagNs - first, Is.InRange(400_000_000L, rig.Messages[^1].RecvTimestampNs - first + 200));
        }
    }

    [Test]
    public void PauseHoldsMessagesPlayNextReleasesOneAndResumeContinues()
    {
        using var rig = new PlayerRig(PlayerRig.Sequence(5, Step, "/a"));
        var player = rig.Player(PlayerOptions.Default);
        player.Pause();
        using var cts = new CancellationTokenSource();
        var task = player.PlayAsync(cts.Token);

        rig.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.That(player.PublishedCount, Is.Zero, "published while paused");
        Assert.That(player.PlayNextAsync().Wait(TimeSpan.FromSeconds(10)) && player.PlayNextAsync().Result, Is.True);
        Assert.That(player.PublishedCount, Is.EqualTo(2));
        Assert.That(player.IsPaused, Is.True);
        Assert.That(player.CurrentBagTimeNs(), Is.EqualTo(rig.Messages[1].RecvTimestampNs));

        player.Resume();
        Assert.That(player.PlayNextAsync().Result, Is.False, "play-next only works while paused");
        while (!task.IsCompleted)
        {
            rig.Time.Advance(TimeSpan.FromMilliseconds(10));
            Thread.Sleep(1);
        }

        Assert.That(player.PublishedCount, Is.EqualTo(5));
    }

    [Test]
    public void PublishesWithTheRecordedQosOrTheDefault()
    {
        var latched = OfferedQosYaml.Format([QosProfiles.Default with { Durability = DurabilityPolicy.TransientLocal, Depth = 1 }]);
        var offers = new Dictionary<string, string> { ["/map"] = latched };
        using var rig = new PlayerRig(PlayerRig.Sequence(2, Step, "/map", "/a"), offers);
        var player = rig.Player(PlayerOptions.Default);

        Assert.That(player.TopicQos["/map"].Durability, Is.EqualTo(DurabilityPolicy.TransientLocal));
        Assert.That(player.TopicQos["/map"].Depth, Is.EqualTo(1));
        Assert.That(player.TopicQos["/a"], Is.EqualTo(QosProfiles.Default));
    }

    [Test]
    public void InvalidOptionsAreRejectedWithTheOptionName()
    {
        Assert.That(() => (PlayerOptions.Default with { Rate = 0 }).Validated(), Throws.ArgumentException.With.Message.Contains("--rate"));
        Assert.That(() => (PlayerOptions.Default with { ExcludeRegex = "(" }).Validated(), Throws.ArgumentException.With.Message.Contains("--exclude"));
    }
}
