using System.Diagnostics;
using Apprentice.Bag.Bags;
using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Services;
using Apprentice.Nodes.Recorder;
using Apprentice.Nodes.Tests.Player;
using Apprentice.Ros.Msgs.Rosbag2Interfaces;
using Apprentice.Ros.Qos;

namespace Apprentice.Nodes.Tests.Recorder;

[TestFixture]
[NonParallelizable]
public sealed class RecorderServicesDdsTests
{
    [Test]
    public async Task Rosbag2RecorderServicesPauseResumeSplitAndSnapshotOverDds()
    {
        var root = Path.Combine(Path.GetTempPath(), "apprentice-rec-srv-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var client = new DdsNode(LoopbackNode.Options("operator"), TimeProvider.System, Serilog.Core.Logger.None);
            using var recorderNode = new DdsNode(LoopbackNode.Options("recorder"), TimeProvider.System, Serilog.Core.Logger.None);
            var options = new RecorderOptions { OutputDirectory = Path.Combine(root, "bag"), Topics = ["/never_published"], DiagnosticsPeriod = TimeSpan.Zero };
            using var recorder = new RecorderNode(recorderNode, RecorderRig.Registry, options, TimeProvider.System, Serilog.Core.Logger.None);
            using var services = new RecorderServices(recorderNode, recorder);
            var qos = QosProfiles.Services;
            using var pause = client.CreateClient<PauseService, PauseRequest, PauseResponse>("/recorder/pause", qos);
            using var resume = client.CreateClient<ResumeService, ResumeRequest, ResumeResponse>("/recorder/resume", qos);
            using var isPaused = client.CreateClient<IsPausedService, IsPausedRequest, IsPausedResponse>("/recorder/is_paused", qos);
            using var split = client.CreateClient<SplitBagfileService, SplitBagfileRequest, SplitBagfileResponse>("/recorder/split_bagfile", qos);
            using var snapshot = client.CreateClient<SnapshotService, SnapshotRequest, SnapshotResponse>("/recorder/snapshot", qos);
            var sw = Stopwatch.StartNew();
            while (!(pause.IsServiceReady && resume.IsServiceReady && isPaused.IsServiceReady && split.IsServiceReady && snapshot.IsServiceReady) && sw.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(10);
            }

            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await pause.CallAsync<PauseRequest, PauseResponse>(new PauseRequest(), cancel.Token);
            var paused = await isPaused.CallAsync<IsPausedRequest, IsPausedResponse>(new IsPausedRequest(), cancel.Token);
            Assert.That((paused.Paused, recorder.IsPaused), Is.EqualTo((true, true)));
            await resume.CallAsync<ResumeRequest, ResumeResponse>(new ResumeRequest(), cancel.Token);
            Assert.That((await isPaused.CallAsync<IsPausedRequest, IsPausedResponse>(new IsPausedRequest(), cancel.Token)).Paused, Is.False);
            await split.CallAsync<SplitBagfileRequest, SplitBagfileResponse>(new SplitBagfileRequest(), cancel.Token);
            var snap = await snapshot.CallAsync<SnapshotRequest, SnapshotResponse>(new SnapshotRequest(), cancel.Token);
            Assert.That(snap.Success, Is.False, "not in snapshot mode");
            recorder.Close();

            using var bag = BagReader.Open(Path.Combine(root, "bag"));
            Assert.That(bag.Metadata!.RelativeFilePaths, Is.EqualTo(new[] { "bag_0.mcap", "bag_1.mcap" }));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
