using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Apprentice.Bag.Bags;
using Apprentice.Dds.Cyclone;
using Apprentice.Dds.Services;
using Apprentice.Dds.Tests.Support;
using Apprentice.Dds.Typed;
using Apprentice.Onnx.Writer;
using Apprentice.Ros.Msgs.Apprentice;
using Apprentice.Ros.Msgs.GeometryMsgs;
using Apprentice.Ros.Msgs.LifecycleMsgs;
using Apprentice.Ros.Msgs.SensorMsgs;
using Apprentice.Ros.Msgs.StdMsgs;
using Apprentice.Ros.Qos;
using Apprentice.Testing;

namespace Apprentice.Cli.Tests.Policy;

/// <summary>
/// Issue 7's end-to-end run over real Cyclone DDS on loopback, every node in its own process:
/// <c>apprentice play</c> of a bag the test writes (joint states, LiDAR, camera, goal),
/// <c>apprentice policy</c> with a small real ONNX model (a CNN over the camera and the joints),
/// <c>apprentice record -a</c>; the test drives the lifecycle and the episode over services.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class PolicyEndToEndTests
{
    private const string Commands = "/forward_velocity_controller/commands";

    [Test]
    public void PlayedSensorsDriveThePolicyOnlyAfterActivationAndTheRecordedBagHoldsCommandsStatusAndTheEpisode()
    {
        var root = Path.Combine(Path.GetTempPath(), "apprentice-policy-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            Run(root);
        }
        finally
        {
            // APPRENTICE_KEEP_E2E=1 keeps the bags and model for a look after a failure.
            if (Environment.GetEnvironmentVariable("APPRENTICE_KEEP_E2E") != "1")
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static void Run(string root)
    {
        var model = Path.Combine(root, "cnn.onnx");
        SamplePolicyModels.Cnn(E2EBag.Panda, imageSize: 32, chunk: 5, controlRateHz: 20).Save(model);
        var input = Path.Combine(root, "input");
        E2EBag.Write(input, TimeSpan.FromSeconds(6));
        var recorded = Path.Combine(root, "recorded");

        using var probe = new DdsNode(new DdsNodeOptions { NodeName = "e2e_probe", DomainId = TestDomain.Id, CycloneConfig = TestDomain.LoopbackConfig }, TimeProvider.System, Serilog.Core.Logger.None);
        var commands = new ConcurrentQueue<Float64MultiArray>();
        var statuses = new ConcurrentQueue<PolicyStatus>();
        var joints = 0;
        using var c1 = probe.CreateSubscription<Float64MultiArray>(Commands, QosProfiles.Default, (m, _) => commands.Enqueue(m), MessageDelivery.Fresh);
        using var c2 = probe.CreateSubscription<PolicyStatus>("/policy_node/status", QosProfiles.Default, (m, _) => statuses.Enqueue(m), MessageDelivery.Fresh);
        using var c3 = probe.CreateSubscription<JointState>("/joint_states", QosProfiles.Default, (_, _) => Interlocked.Increment(ref joints));
        using var change = probe.CreateClient<ChangeStateService, ChangeStateRequest, ChangeStateResponse>("/policy_node/change_state", QosProfiles.Services);
        using var getState = probe.CreateClient<GetStateService, GetStateRequest, GetStateResponse>("/policy_node/get_state", QosProfiles.Services);

        using var recorder = new CliProcess("record", "record", "-o", recorded, "-a");
        using var policy = new CliProcess(
            "policy", "policy", "--ros-args", "--params-file", RepoPaths.Path("config", "policy_node.yaml"),
            "-p", "model.path:=" + model, "-p", "model.warmup_runs:=2",
            "-p", "robot.urdf_path:=" + RepoPaths.Path("config", "robots", "panda.urdf"),
            "-p", "robot.joint_limits_path:=" + RepoPaths.Path("config", "robots", "panda_joint_limits.yaml"),
            "-p", "inputs.camera.topic:=/camera/image_raw", "-p", "control.max_input_skew_s:=0.3");
        using var player = new CliProcess("play", "play", input, "--loop");
        var processes = new[] { recorder, policy, player };
        string Logs() => string.Join("\n", processes.Select(p => "--- " + p.Name + (p.HasExited ? " (exited " + p.ExitCode + ")" : string.Empty) + ":\n" + p.Output));

        Assert.That(Until(() => Volatile.Read(ref joints) > 20 && change.IsServiceReady && getState.IsServiceReady && RecorderService(probe, "start_episode") is not null, 30), Is.True, "graph never came up\n" + Logs());
        var recorderName = RecorderService(probe, "start_episode")!;
        using var start = probe.CreateClient<StartEpisodeService, StartEpisodeRequest, StartEpisodeResponse>(recorderName + "/start_episode", QosProfiles.Services);
        using var stop = probe.CreateClient<StopEpisodeService, StopEpisodeRequest, StopEpisodeResponse>(recorderName + "/stop_episode", QosProfiles.Services);
        using var label = probe.CreateClient<LabelEpisodeService, LabelEpisodeRequest, LabelEpisodeResponse>(recorderName + "/label_episode", QosProfiles.Services);
        Assert.That(Until(() => start.IsServiceReady && stop.IsServiceReady && label.IsServiceReady, 15), Is.True, Logs());
        Assert.That(Call<StartEpisodeRequest, StartEpisodeResponse>(start, new() { Task = "reach", OperatorName = "e2e" }).Success, Is.True);

        // Unconfigured, then inactive: sensors flow, nothing is commanded.
        Thread.Sleep(1500);
        Assert.That(Call<GetStateRequest, GetStateResponse>(getState, new()).CurrentState.Label, Is.EqualTo("unconfigured"));
        Assert.That(Call<ChangeStateRequest, ChangeStateResponse>(change, new() { Transition = new() { Id = Transition.TRANSITION_CONFIGURE } }).Success, Is.True, Logs());
        Thread.Sleep(700);
        Assert.That((commands.Count, statuses.Count), Is.EqualTo((0, 0)), "commands before activation\n" + Logs());
        var activateRequested = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;
        Assert.That(Call<ChangeStateRequest, ChangeStateResponse>(change, new() { Transition = new() { Id = Transition.TRANSITION_ACTIVATE } }).Success, Is.True, Logs());
        Assert.That(Call<GetStateRequest, GetStateResponse>(getState, new()).CurrentState.Label, Is.EqualTo("active"));

        Assert.That(Until(() => commands.Count >= 40 && statuses.Any(s => s.Outcome == PolicyStatus.OUTCOME_OK), 20), Is.True, $"{commands.Count} commands, outcomes {string.Join(",", statuses.Select(s => s.Outcome).Distinct())}\n" + Logs());
        Assert.That(commands.Select(c => c.Data.Length), Has.All.EqualTo(7));
        Assert.That(commands.SelectMany(c => c.Data), Has.All.Matches<double>(double.IsFinite));
        Assert.That(statuses.First(s => s.Outcome == PolicyStatus.OUTCOME_OK).ExecutionProvider, Is.EqualTo("cpu"));

        Assert.That(Call<StopEpisodeRequest, StopEpisodeResponse>(stop, new() { SuccessLabel = true }).Success, Is.True);
        Assert.That(Call<LabelEpisodeRequest, LabelEpisodeResponse>(label, new() { EpisodeIndex = 0, Task = "reach the goal", OperatorName = "e2e", SuccessLabel = true }).Success, Is.True);
        Thread.Sleep(500);
        Assert.That(recorder.Interrupt(TimeSpan.FromSeconds(20)), Is.True, "recorder did not stop\n" + Logs());
        Assert.That(recorder.ExitCode, Is.Zero, Logs());

        CheckBag(recorded, activateRequested);
    }

    private static void CheckBag(string recorded, long activateRequestedNs)
    {
        var files = Directory.GetFiles(recorded, "*.mcap");
        Assert.That(files, Is.Not.Empty);
        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Path("tests", "interop") };
        psi.ArgumentList.Add(RepoPaths.Path("tests", "interop", "validate-mcap.mjs"));
        foreach (var f in files)
        {
            psi.ArgumentList.Add(f);
        }

        using (var node = Process.Start(psi)!)
        {
            var output = node.StandardOutput.ReadToEndAsync();
            var error = node.StandardError.ReadToEnd();
            node.WaitForExit();
            Assert.That(node.ExitCode, Is.Zero, "independent MCAP validator: " + output.Result + error);
        }

        using var bag = BagReader.Open(recorded);
        Assert.That(bag.MessageCounts.GetValueOrDefault(Commands), Is.GreaterThan(0));
        Assert.That(bag.MessageCounts.GetValueOrDefault("/policy_node/status"), Is.GreaterThan(0));
        Assert.That(bag.MessageCounts.GetValueOrDefault("/apprentice/episode_events"), Is.GreaterThanOrEqualTo(2));
        Assert.That(bag.Topics.Single(t => t.Name == Commands).Type, Is.EqualTo(Float64MultiArray.RosTypeName));
        var episodes = bag.Metadata!.CustomData.Single(kv => kv.Key.Contains("episodes", StringComparison.Ordinal)).Value;
        Assert.That(episodes, Does.Contain("reach the goal").And.Contain("\"success\":true"));

        // The lifecycle gates output in the recording too: the first command was received after activate was requested.
        var firstCommand = bag.ReadMessages(new() { Topics = new HashSet<string> { Commands } }).Min(m => m.RecvTimestampNs);
        Assert.That(firstCommand, Is.GreaterThanOrEqualTo(activateRequestedNs));
    }

    private static string? RecorderService(DdsNode probe, string service)
    {
        foreach (var e in probe.DiscoveredEndpoints())
        {
            var m = ServiceRequest().Match(e.DdsTopic);
            if (m.Success && m.Groups[2].Value == service)
            {
                return "/" + m.Groups[1].Value;
            }
        }

        return null;
    }

    private static TResponse Call<TRequest, TResponse>(DdsServiceClient client, TRequest request)
        where TRequest : class, Ros.Messages.IRosMessage<TRequest>, new()
        where TResponse : class, Ros.Messages.IRosMessage<TResponse>, new() =>
        client.CallAsync<TRequest, TResponse>(request, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20)).Result;

    private static bool Until(Func<bool> condition, int seconds)
    {
        var sw = Stopwatch.StartNew();
        while (!condition() && sw.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            Thread.Sleep(20);
        }

        return condition();
    }

    [GeneratedRegex("^rq/(.+)/([a-z_]+)Request$")]
    private static partial Regex ServiceRequest();
}
