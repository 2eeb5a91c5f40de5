using System.Diagnostics;
using Apprentice.Bag.Bags;
using Apprentice.Dds.Cyclone;
using Apprentice.Nodes.Player;
using Apprentice.Nodes.Recorder;
using Apprentice.Nodes.Tests.Player;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Msgs.Apprentice;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Qos;
using Apprentice.Ros.Schema;

namespace Apprentice.Nodes.Tests.Recorder;

[TestFixture]
[NonParallelizable]
public sealed class RecorderDdsLoopbackTests
{
    [Test]
    public void RecordsJointStatesFromAnotherNodeWithEpisodesOverServices()
    {
        const int N = 30;
        var root = Path.Combine(Path.GetTempPath(), "apprentice-rec-dds-" + Guid.NewGuid().ToString("N"));
        var bagDir = Path.Combine(root, "bag");
        try
        {
            using var talker = new DdsNode(LoopbackNode.Options("joint_talker"), TimeProvider.System, Serilog.Core.Logger.None);
            using var recorderNode = new DdsNode(LoopbackNode.Options("recorder"), TimeProvider.System, Serilog.Core.Logger.None);
            using var arm = talker.CreateRawPublisher("/arm/joint_states", JointState.RosTypeName, QosProfiles.Default);
            using var gripper = talker.CreateRawPublisher("/gripper/joint_states", JointState.RosTypeName, QosProfiles.SensorData);
            var options = new RecorderOptions { OutputDirectory = bagDir, Topics = ["/arm/joint_states", "/gripper/joint_states"] };
            using var recorder = new RecorderNode(recorderNode, RecorderRig.Registry, options, TimeProvider.System, Serilog.Core.Logger.None);
            using var services = new EpisodeServices(recorderNode, recorder);
            using var start = talker.CreateRawClient("/recorder/start_episode", StartEpisodeService.RosTypeName, QosProfiles.Services);
            using var stop = talker.CreateRawClient("/recorder/stop_episode", StopEpisodeService.RosTypeName, QosProfiles.Services);
            recorder.Start();
            Assert.That(Until(() => arm.MatchedSubscriptionCount == 1 && gripper.MatchedSubscriptionCount == 1 &&
                recorder.MatchedPublishers().Values.Count(n => n == 1) == 2 && start.IsServiceReady && stop.IsServiceReady), Is.True, "never matched");

            var started = RosMessageCodec.Decode<StartEpisodeResponse>(
                start.CallAsync(RosMessageCodec.Encode(new StartEpisodeRequest { Task = "wave", OperatorName = "ada" }), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)).Result);
            Assert.That((started.Success, started.EpisodeIndex), Is.EqualTo((true, 0u)));
            var sent = new List<byte[]>();
            for (var i = 0; i < N; i++)
            {
                var js = new JointState { Name = ["shoulder", "elbow"], Position = [i * 0.1, -i * 0.1], Velocity = [], Effort = [] };
                js.Header.FrameId = "base";
                var bytes = RosMessageCodec.Encode(js);
                sent.Add(bytes);
                arm.Publish(bytes);
                gripper.Publish(bytes);
                Thread.Sleep(2);
            }

            Assert.That(Until(() => recorder.Counts.Values.Sum(c => c.Written) == 2 * N), Is.True, string.Join(", ", recorder.Counts));
            var stopped = RosMessageCodec.Decode<StopEpisodeResponse>(
                stop.CallAsync(RosMessageCodec.Encode(new StopEpisodeRequest { SuccessLabel = true }), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)).Result);
            Assert.That(stopped.Success, Is.True);
            recorder.Close();

            using var bag = BagReader.Open(bagDir);
            Assert.That(bag.MessageCounts["/arm/joint_states"], Is.EqualTo(N));
            Assert.That(bag.MessageCounts["/gripper/joint_states"], Is.EqualTo(N));
            Assert.That(bag.ReadMessages(new() { Topics = new HashSet<string> { "/arm/joint_states" } }).Select(m => m.Data.ToArray()), Is.EqualTo(sent));
            Assert.That(bag.Definitions[JointState.RosTypeName].EncodedText, Is.EqualTo(Ros2MsgSchema.Build(RecorderRig.Registry, JointState.RosTypeName)));
            var gripperQos = OfferedQosYaml.Parse(bag.Topics.Single(t => t.Name == "/gripper/joint_states").OfferedQosProfiles).Single();
            Assert.That((gripperQos.Reliability, gripperQos.Depth), Is.EqualTo((ReliabilityPolicy.BestEffort, QosProfiles.SensorData.Depth)));
            Assert.That(bag.MessageCounts[RecorderNode.EpisodeTopic], Is.EqualTo(2));
            Assert.That(bag.Metadata!.CustomData[RecorderNode.EpisodesCustomDataKey], Does.Contain("\"task\":\"wave\"").And.Contain("\"success\":true"));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
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
