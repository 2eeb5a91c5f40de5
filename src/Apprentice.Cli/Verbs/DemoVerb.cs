using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Apprentice.Cli.Demo;
using Spectre.Console;

namespace Apprentice.Cli.Verbs;

/// <summary>
/// <c>apprentice demo</c>: the closed loop in separate processes over Cyclone DDS on loopback (sim, policy node,
/// recorder), a handful of seeded episodes, a summary table and a report. Exit 0 on a completed run, 1 when a node
/// fails, 130 on Ctrl-C.
/// </summary>
internal static class DemoVerb
{
    public static Command Create()
    {
        var episodes = new Option<int>("--episodes") { Description = "Episodes to run.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed of the episodes (episode i is the sim's episode (seed, i)).", DefaultValueFactory = _ => 1 };
        var model = new Option<string?>("--model") { Description = "Policy .onnx (default: models/reach_policy.onnx of the checkout)." };
        var output = new Option<string?>("--out") { Description = "Output directory (default runs/demo-<UTC timestamp>): bag/, report/, logs/." };
        var camera = new Option<bool>("--camera") { Description = "Render the sim camera (96×96 rgb8, recorded in the bag)." };
        var expert = new Option<bool>("--expert") { Description = "Let the sim's scripted expert drive instead of the policy (records labelled demonstrations for `apprentice train <out>/bag`)." };
        var domain = new Option<int?>("--domain-id") { Description = "Private ROS domain for the run (default: a random one in 150..232)." };
        var c = new Command("demo", "The closed loop on this machine: MuJoCo sim, policy node and recorder as separate processes over Cyclone DDS on loopback; runs seeded episodes, prints success, latency, deadline misses, safety events; writes the bag and a report.")
        {
            episodes, seed, model, output, camera, expert, domain,
        };
        c.SetAction(r =>
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(r.InvocationConfiguration.Output) });
            var error = r.InvocationConfiguration.Error;
            var wall = Stopwatch.StartNew();
            var (cts, regs) = RosGraphSession.CancelOnSignals();
            using (cts)
            using (regs)
            {
                try
                {
                    var root = RepoRoot();
                    var options = new DemoOptions
                    {
                        Episodes = r.GetValue(episodes),
                        Seed = r.GetValue(seed),
                        ModelPath = r.GetValue(model) ?? Path.Combine(root, "models", "reach_policy.onnx"),
                        OutputDirectory = r.GetValue(output) ?? Path.Combine("runs", "demo-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)),
                        Camera = r.GetValue(camera),
                        Expert = r.GetValue(expert),
                        DomainId = r.GetValue(domain) ?? Random.Shared.Next(150, 233),
                        ConfigRoot = root,
                    }.Validate();
                    var runner = new DemoRunner(options, console);
                    var results = runner.Run(cts.Token);
                    var written = DemoSummary.Report(options, results).Write(runner.ReportDirectory);
                    DemoSummary.Print(console, results, runner.BagDirectory, written[0], wall.Elapsed);
                    return 0;
                }
                catch (OperationCanceledException)
                {
                    error.WriteLine("demo: interrupted; every node stopped.");
                    return 130;
                }
                catch (Exception e) when (e is DemoException or ArgumentException or IOException or UnauthorizedAccessException)
                {
                    error.WriteLine("demo: " + e.Message);
                    return 1;
                }
            }
        });
        return c;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "config", "policy_node.yaml")))
            {
                return dir.FullName;
            }
        }

        var installed = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "share", "apprentice"));
        return File.Exists(Path.Combine(installed, "config", "policy_node.yaml"))
            ? installed
            : throw new ArgumentException("config/policy_node.yaml not found above the working directory; run the demo from the repository checkout.");
    }
}
