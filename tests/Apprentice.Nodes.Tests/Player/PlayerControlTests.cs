using Apprentice.Nodes.Player;

namespace Apprentice.Nodes.Tests.Player;

[TestFixture]
public sealed class PlayerControlTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    [Test]
    public void SetRateChangesThePaceFromNowOnKeepingTheBagTimePlayed()
    {
        using var rig = new PlayerRig(PlayerRig.Sequence(6, Step, "/a"));
        var player = rig.Player(PlayerOptions.Default);
        var walls = new List<double>();
        player.MessagePublished += (_, _, wall) =>
        {
            walls.Add((wall - PlayerRig.Epoch).TotalMilliseconds);
            if (walls.Count == 3)
            {
                Assert.That(player.SetRate(2.0), Is.True);
            }
        };
        rig.Drive(player);

        Assert.That(walls, Is.EqualTo(new[] { 0.0, 100, 200, 250, 300, 350 }).Within(0.001));
        Assert.That(player.Rate, Is.EqualTo(2.0));
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void SetRateRefusesRatesThatAreNotPositiveAndFinite(double rate)
    {
        using var rig = new PlayerRig(PlayerRig.Sequence(1, Step, "/a"));
        var player = rig.Player(PlayerOptions.Default with { Rate = 1.5 });

        Assert.That(player.SetRate(rate), Is.False);
        Assert.That(player.Rate, Is.EqualTo(1.5));
    }

    [Test]
    public void StartPausedPublishesNothingUntilPlayNextAndToggleTogglesThePause()
    {
        using var rig = new PlayerRig(PlayerRig.Sequence(3, Step, "/a"));
        rig.Listen("/a");
        var player = rig.Player(PlayerOptions.Default with { StartPaused = true });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var playback = player.PlayAsync(cts.Token);
        rig.Time.Advance(TimeSpan.FromSeconds(5));
        Thread.Sleep(50);
        Assert.That((player.IsPaused, player.PublishedCount), Is.EqualTo((true, 0L)));

        Assert.That(player.PlayNextAsync().Wait(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That((player.IsPaused, player.PublishedCount), Is.EqualTo((true, 1L)));
        Assert.That(player.TogglePaused(), Is.False);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        while (!playback.IsCompleted && sw.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (player.WaitingUntil is { } due && due > rig.Time.GetUtcNow())
            {
                rig.Time.SetUtcNow(due);
            }

            Thread.Sleep(1);
        }

        Assert.That(playback.Wait(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(player.PublishedCount, Is.EqualTo(3));
        Assert.That(player.TogglePaused(), Is.True);
    }
}
