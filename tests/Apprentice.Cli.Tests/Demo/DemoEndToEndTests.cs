using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Apprentice.Bag.Bags;
using Apprentice.Testing;

namespace Apprentice.Cli.Tests.Demo;

/// <summary>
/// <c>apprentice demo</c> as a user runs it: a process that starts sim, policy node and recorder as its own children
/// over Cyclone DDS on loopback. The policy is the committed default when present, else one trained here from
/// demonstrations that <c>apprentice demo --expert</c> records.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class DemoEndToEndTests
{
    private const string Task = "reach the target sphere with the gripper";
    private string _root = null!;
    private string _model = null!;

    [OneTimeSetUp]
    public void TrainOrFindModel()
    {
        _root = Path.Combine(Path.GetTempPath(), "apprentice-demo-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
        _model = RepoPaths.Path("models", "reach_policy.onnx");
        if (File.Exists(_model))
        {
            return;
        }

        var expert = Path.Combine(_root, "expert");
        var (code, output) = RunCli(TimeSpan.FromSeconds(60), "demo", "--expert", "--episodes", "4", "--seed", "7", "--out", expert);
        Assert.That(code, Is.Zero, "expert demonstrations:\n" + output);
        _model = Path.Combine(_root, "test_policy.onnx");
        (code, output) = RunCli(TimeSpan.FromSeconds(60), "train", Path.Combine(expert, "bag"), "--out", _model, "--epochs", "20", "--hidden", "64,64");
        Assert.That(code, Is.Zero, "training:\n" + output);
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        if (Environment.GetEnvironmentVariable("APPRENTICE_KEEP_E2E") != "1")
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    public void DemoRunsTwoEpisodesPrintsTheSummaryRecordsTwoLabelledEpisodesAndLeavesNoProcessBehind()
    {
        var run = Path.Combine(_root, "run");
        var (code, output) = RunCli(TimeSpan.FromSeconds(90), "demo", "--model", _model, "--episodes", "2", "--seed", "1", "--out", run);

        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("success rate").And.Contain("policy latency p50 / p99").And.Contain("deadline misses").And.Contain("safety events"));
        var verdicts = EpisodeLine().Matches(output).Select(m => m.Groups[1].Value == "success").ToArray();
        Assert.That(verdicts, Has.Length.EqualTo(2), output);
        Assert.That(output, Does.Contain($"{verdicts.Count(v => v)}/2"));
        Assert.That(output, Does.Match(@"over [1-9]\d* ticks"), "the policy's status ticks reached the demo");

        var pids = ChildPid().Matches(output).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.That(pids, Has.Length.EqualTo(3), output);
        Assert.That(pids.Where(p => Directory.Exists("/proc/" + p)), Is.Empty, "child processes left running");

        var bag = Path.Combine(run, "bag");
        ValidateMcap(Directory.GetFiles(bag, "*.mcap"));
        using var reader = BagReader.Open(bag);
        var json = reader.Metadata!.CustomData.Single(kv => kv.Key == "apprentice.episodes").Value;
        using var episodes = JsonDocument.Parse(json);
        var labelled = episodes.RootElement.EnumerateArray().ToArray();
        Assert.That(labelled.Select(e => e.GetProperty("task").GetString()), Is.EqualTo(new[] { Task, Task }));
        Assert.That(labelled.Select(e => e.GetProperty("success").GetBoolean()), Is.EqualTo(verdicts));
        Assert.That(labelled.Select(e => e.GetProperty("stop_ns").ValueKind), Has.All.EqualTo(JsonValueKind.Number));
        Assert.That(reader.MessageCounts.GetValueOrDefault("/forward_velocity_controller/commands"), Is.GreaterThan(0));
        Assert.That(reader.MessageCounts.GetValueOrDefault("/sim/episode_result"), Is.GreaterThanOrEqualTo(2));
        Assert.That(File.Exists(Path.Combine(run, "report", "report.md")) && File.Exists(Path.Combine(run, "report", "success.png")), Is.True);
    }

    [Test]
    public void AMissingModelStopsWithAnErrorNamingItAndStartsNothing()
    {
        var (code, output) = RunCli(TimeSpan.FromSeconds(30), "demo", "--model", Path.Combine(_root, "nope.onnx"), "--out", Path.Combine(_root, "nothing"));

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("nope.onnx").And.Contain("--model"));
        Assert.That(Directory.Exists(Path.Combine(_root, "nothing")), Is.False);
    }

    [Test]
    public void APolicyNodeThatFailsToStartEndsTheDemoWithItsOutputAndStopsTheOtherNodes()
    {
        var bad = Path.Combine(_root, "broken.onnx");
        File.WriteAllText(bad, "not an ONNX model");

        var (code, output) = RunCli(TimeSpan.FromSeconds(60), "demo", "--model", bad, "--out", Path.Combine(_root, "broken"));

        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("the policy process exited").And.Contain("not a loadable ONNX model"));
        var pids = ChildPid().Matches(output).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.That(pids, Has.Length.EqualTo(3), output);
        Assert.That(pids.Where(p => Directory.Exists("/proc/" + p)), Is.Empty, "child processes left running");
    }

    private static (int Code, string Output) RunCli(TimeSpan timeout, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepoPaths.Root };
        psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            Assert.Fail($"apprentice {string.Join(' ', args)} did not finish within {timeout.TotalSeconds} s:\n{stdout.Result}\n{stderr.Result}");
        }

        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private static void ValidateMcap(string[] files)
    {
        Assert.That(files, Is.Not.Empty);
        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Path("tests", "interop") };
        psi.ArgumentList.Add(RepoPaths.Path("tests", "interop", "validate-mcap.mjs"));
        foreach (var f in files)
        {
            psi.ArgumentList.Add(f);
        }

        using var node = Process.Start(psi)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEnd();
        node.WaitForExit();
        Assert.That(node.ExitCode, Is.Zero, "independent MCAP validator: " + output.Result + error);
    }

    [GeneratedRegex(@"episode \d+/2: (success|failed)")]
    private static partial Regex EpisodeLine();

    [GeneratedRegex(@"\b(?:sim|policy|recorder) \(pid (\d+)\)")]
    private static partial Regex ChildPid();
}
