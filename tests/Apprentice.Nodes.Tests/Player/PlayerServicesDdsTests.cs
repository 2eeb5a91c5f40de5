using System.Diagnostics;
using Apprentice.Bag.Bags;
using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Services;
using Apprentice.Nodes.Player;
using Apprentice.Ros.Msgs.Rosbag2Interfaces;
using Apprentice.Ros.Qos;
using Apprentice.Testing;

namespace Apprentice.Nodes.Tests.Player;

[TestFixture]
[NonParallelizable]
public sealed class PlayerServicesDdsTests
{
    [Test]
    public async Task Rosbag2PlayerServicesControlPlaybackFromAnotherNode()
    {
        using var bag = BagReader.Open(TestData.Path("rosbag2", "mcap", "talker"));
        var first = bag.ReadMessages().First();
        var type = bag.Topics.Single(t => t.Name == first.Topic).Type;
        using var playerNode = new DdsNode(LoopbackNode.Options("player"), TimeProvider.System, Serilog.Core.Logger.None);
        using var operatorNode = new DdsNode(LoopbackNode.Options("operator"), TimeProvider.System, Serilog.Core.Logger.None);
        var received = 0;
        using var sub = operatorNode.CreateRawSubscription(first.Topic, type, QosProfiles.Default, (_, _) => Interlocked.Increment(ref received));
        using var player = new BagPlayer(bag, playerNode, PlayerOptions.Default with { Topics = new HashSet<string> { first.Topic } }, TimeProvider.System, Serilog.Core.Logger.None);
        using var services = new PlayerServices(playerNode, player);
        var qos = QosProfiles.Services;
        using var pause = operatorNode.CreateClient<PauseService, PauseRequest, PauseResponse>("/player/pause", qos);
        using var toggle = operatorNode.CreateClient<TogglePausedService, TogglePausedRequest, TogglePausedResponse>("/player/toggle_paused", qos);
        using var isPaused = operatorNode.CreateClient<IsPausedService, IsPausedRequest, IsPausedResponse>("/player/is_paused", qos);
        using var playNext = operatorNode.CreateClient<PlayNextService, PlayNextRequest, PlayNextResponse>("/player/play_next", qos);
        using var setRate = operatorNode.CreateClient<SetRateService, SetRateRequest, SetRateResponse>("/player/set_rate", qos);
        using var getRate = operatorNode.CreateClient<GetRateService, GetRateRequest, GetRateResponse>("/player/get_rate", qos);
        using var resume = operatorNode.CreateClient<ResumeService, ResumeRequest, ResumeResponse>("/player/resume", qos);
        var sw = Stopwatch.StartNew();
        while (!(pause.IsServiceReady && toggle.IsServiceReady && isPaused.IsServiceReady && playNext.IsServiceReady && setRate.IsServiceReady &&
                 getRate.IsServiceReady && resume.IsServiceReady && sub.MatchedPublisherCount == 1) && sw.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(10);
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await pause.CallAsync<PauseRequest, PauseResponse>(new PauseRequest(), cancel.Token);
        var playback = player.PlayAsync(cancel.Token);
        Assert.That((await isPaused.CallAsync<IsPausedRequest, IsPausedResponse>(new IsPausedRequest(), cancel.Token)).Paused, Is.True);
        Assert.That((await getRate.CallAsync<GetRateRequest, GetRateResponse>(new GetRateRequest(), cancel.Token)).Rate, Is.EqualTo(1.0));
        Assert.That((await setRate.CallAsync<SetRateRequest, SetRateResponse>(new SetRateRequest { Rate = 0 }, cancel.Token)).Success, Is.False);
        Assert.That((await setRate.CallAsync<SetRateRequest, SetRateResponse>(new SetRateRequest { Rate = 50 }, cancel.Token)).Success, Is.True);
        Assert.That((await getRate.CallAsync<GetRateRequest, GetRateResponse>(new GetRateRequest(), cancel.Token)).Rate, Is.EqualTo(50.0));

        Assert.That((await playNext.CallAsync<PlayNextRequest, PlayNextResponse>(new PlayNextRequest(), cancel.Token)).Success, Is.True);
        Assert.That(SpinUntil(() => Volatile.Read(ref received) == 1), Is.True);
        await Task.Delay(200);
        Assert.That(Volatile.Read(ref received), Is.EqualTo(1), "still paused after play_next");

        await toggle.CallAsync<TogglePausedRequest, TogglePausedResponse>(new TogglePausedRequest(), cancel.Token);
        Assert.That(player.IsPaused, Is.False);
        await toggle.CallAsync<TogglePausedRequest, TogglePausedResponse>(new TogglePausedRequest(), cancel.Token);
        Assert.That(player.IsPaused, Is.True);
        await resume.CallAsync<ResumeRequest, ResumeResponse>(new ResumeRequest(), cancel.Token);
        Assert.That((await playNext.CallAsync<PlayNextRequest, PlayNextResponse>(new PlayNextRequest(), cancel.Token)).Success, Is.False, "play_next while playing");
        await playback.WaitAsync(cancel.Token);
        var total = bag.MessageCounts[first.Topic];
        Assert.That(SpinUntil(() => Volatile.Read(ref received) == total), Is.True, $"received {received} of {total}");
    }

    private static bool SpinUntil(Func<bool> condition)
    {
        var sw = Stopwatch.StartNew();
        while (!condition() && sw.Elapsed < TimeSpan.FromSeconds(15))
        {
            Thread.Sleep(5);
        }

        return condition();
    }
}
