using System.CommandLine;
using Apprentice.Cli.RosArgs;
using Apprentice.Dds.Cyclone;
using Apprentice.Ros.Args;
using Apprentice.Safety.Model;
using Apprentice.Sim;
using Apprentice.Sim.Expert;
using Apprentice.Sim.Nodes;
using Apprentice.Sim.Physics;
using Apprentice.Sim.Scene;
using Apprentice.Sim.Tasks;
using Serilog;

namespace Apprentice.Cli.Verbs;

/// <summary>
/// <c>apprentice sim</c>: the MuJoCo reach simulation as ROS 2 node "sim" on ROS_DOMAIN_ID (Cyclone DDS), in
/// lockstep (as fast as the loop allows, sim time on /clock) or real time, optionally driven by the scripted expert.
/// </summary>
internal static class SimVerb
{
    private static readonly TimeSpan ControlPeriod = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(1);

    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "Simulation parameters (default: config/sim/reach.yaml of the checkout or install)." };
        var seed = new Option<int>("--seed") { Description = "Run seed (episodes are seeded by seed and index).", DefaultValueFactory = _ => 0 };
        var episodes = new Option<int>("--episodes") { Description = "Episodes to run.", DefaultValueFactory = _ => 5 };
        var lockstep = new Option<bool>("--lockstep") { Description = "Advance as fast as the loop allows, on sim time (default)." };
        var realtime = new Option<bool>("--realtime") { Description = "Advance with the wall clock." };
        var expert = new Option<bool>("--expert") { Description = "Drive the arm with the scripted expert (publishes /forward_velocity_controller/commands)." };
        var expertTopic = new Option<string>("--expert-topic") { Description = "Topic for the expert's commands (e.g. /teleop/commands for takeover).", DefaultValueFactory = _ => SimTopics.VelocityCommands };
        var camera = new Option<bool>("--camera") { Description = "Render and publish /camera/image_raw (96×96 rgb8, EGL offscreen)." };
        var serve = new Option<bool>("--serve") { Description = "Real time until Ctrl-C; episodes start on /sim/reset_episode (seed, index) requests (results on /sim/episode_result), --episodes is ignored." };
        var c = new Command("sim", "Run the MuJoCo reach simulation as ROS 2 node 'sim' (/joint_states, /scan, /goal_pose, /clock, commands in; service /sim/reset); prints one line per episode. Accepts --ros-args.")
        {
            config, seed, episodes, lockstep, realtime, expert, expertTopic, camera, serve,
        };
        c.TreatUnmatchedTokensAsErrors = false;
        c.SetAction(r =>
        {
            var error = r.InvocationConfiguration.Error;
            try
            {
                if (r.GetValue(lockstep) && (r.GetValue(realtime) || r.GetValue(serve)))
                {
                    throw new ArgumentException("--lockstep excludes --realtime and --serve.");
                }

                // Program.Run has already split off `--ros-args … [--]` into RosCommandLine.Current.
                var rosArgs = RosCommandLine.Current;
                if (r.UnmatchedTokens.Count > 0)
                {
                    throw new ArgumentException($"Unrecognised arguments: {string.Join(' ', r.UnmatchedTokens)} (ROS arguments go after --ros-args).");
                }

                var run = new SimRun(
                    ReachOptions.Load(r.GetValue(config) ?? DefaultConfig()),
                    r.GetValue(seed),
                    r.GetValue(episodes),
                    r.GetValue(realtime) || r.GetValue(serve),
                    r.GetValue(expert) ? r.GetValue(expertTopic) : null,
                    r.GetValue(camera),
                    rosArgs)
                { Serve = r.GetValue(serve) };
                return run.Execute(r.InvocationConfiguration.Output);
            }
            catch (Exception e) when (e is ArgumentException or SimException or RosArgumentException or IOException or UrdfFormatException)
            {
                error.WriteLine(e.Message);
                return 1;
            }
        });
        return c;
    }

    private static string DefaultConfig()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config", "sim", "reach.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var installed = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "share", "apprentice", "config", "sim", "reach.yaml"));
        return File.Exists(installed) ? installed : throw new ArgumentException("config/sim/reach.yaml not found above the working directory; pass --config.");
    }

    private sealed record SimRun(ReachOptions Options, int Seed, int Episodes, bool RealTime, string? ExpertTopic, bool Camera, RosArguments RosArgs)
    {
        public bool Serve { get; init; }

        public int Execute(TextWriter output)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Episodes, "--episodes");
            var log = new LoggerConfiguration().MinimumLevel.Warning().WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose).CreateLogger();
            var (cts, regs) = RosGraphSession.CancelOnSignals();
            using (cts)
            using (regs)
            using (var sim = ReachSimulation.Load(Options))
            {
                var clock = new SimClock();
                var nodeOptions = new DdsNodeOptions { NodeName = "sim" }.WithDomainFromEnvironment().WithRosArguments(RosArgs).Validate();
                using var dds = new DdsNode(nodeOptions, RealTime ? TimeProvider.System : clock, log);
                using var node = new SimNode(dds, sim, Camera, log, clock); // the DDS node's clock in lockstep is the sim's own
                using var services = new SimServices(dds, node);
                using var episodeServices = new SimEpisodeServices(dds, node);
                using var expert = ExpertTopic is null
                    ? null
                    : new ExpertNode(dds, ScriptedExpert.ForPanda(UrdfParser.Parse(File.ReadAllText(Options.RobotDescriptionPath), Options.RobotDescriptionPath), Options.Task.Home), node.Clock, ExpertTopic);
                var results = new List<EpisodeResult>();
                EpisodeResult? ended = null;
                node.EpisodeEnded += r => ended = r;
                if (Serve)
                {
                    return RunServed(node, expert, output, cts.Token);
                }

                output.WriteLine($"sim: MuJoCo {MujocoModel.Version()}, {(RealTime ? "real time" : "lockstep")}, seed {Seed}, {Episodes} episodes{(expert is null ? string.Empty : $", expert on {expert.CommandTopic}")}{(Camera ? ", camera" : string.Empty)}");
                for (var i = 0; i < Episodes && !cts.IsCancellationRequested; i++)
                {
                    ended = null;
                    node.Reset(sim.Task.Generate(Seed, i));
                    if (RealTime)
                    {
                        RunRealTime(node, expert, () => ended is not null, cts.Token);
                    }
                    else
                    {
                        RunLockstep(node, expert, () => ended is not null, cts.Token);
                    }

                    var result = ended ?? EpisodeResult.From(sim);
                    results.Add(result);
                    output.WriteLine(result.ToString());
                }

                var counters = node.Counters;
                output.WriteLine($"sim: {results.Count(r => r.Outcome == ReachOutcome.Succeeded)}/{results.Count} succeeded, {results.Sum(r => r.Collisions)} collisions; commands accepted {counters.CommandsAccepted}, rejected {counters.CommandsRejected}{(counters.LastRejection is null ? string.Empty : $" (last: {counters.LastRejection})")}");
                return 0;
            }
        }

        private int RunServed(SimNode node, ExpertNode? expert, TextWriter output, CancellationToken cancel)
        {
            // A warm-up episode (index -1) that no /sim/reset_episode request can name, so no result is mistaken for a requested one.
            node.EpisodeEnded += r => output.WriteLine(r.ToString());
            node.Reset(node.Simulation.Task.Generate(Seed, -1));
            output.WriteLine($"sim: MuJoCo {MujocoModel.Version()}, real time, serving /sim/reset_episode{(Camera ? ", camera" : string.Empty)}");
            RunRealTime(node, expert, () => false, cancel);
            return 0;
        }

        private static void RunLockstep(SimNode node, ExpertNode? expert, Func<bool> done, CancellationToken cancel)
        {
            while (!done() && !cancel.IsCancellationRequested)
            {
                if (expert is not null)
                {
                    // Lockstep over DDS: the expert sees the newest state and the sim sees its command before time moves.
                    var stamp = node.Clock.ElapsedNs;
                    Wait(() => expert.LastJointStampNs >= stamp && expert.LastGoalStampNs >= stamp, cancel);
                    var accepted = node.Counters.CommandsAccepted;
                    if (expert.Tick())
                    {
                        Wait(() => node.Counters.CommandsAccepted > accepted, cancel);
                    }
                }

                node.Step(ControlPeriod);
            }
        }

        private static void RunRealTime(SimNode node, ExpertNode? expert, Func<bool> done, CancellationToken cancel)
        {
            using var episode = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            TimeSpan? lastTick = null;
            RealTimeRunner.RunAsync(
                node,
                TimeProvider.System,
                TimeSpan.FromMilliseconds(10),
                () =>
                {
                    if (expert is not null && (lastTick is null || node.Clock.Elapsed - lastTick.Value >= ControlPeriod))
                    {
                        lastTick = node.Clock.Elapsed;
                        expert.Tick();
                    }

                    if (done())
                    {
                        episode.Cancel();
                    }
                },
                episode.Token).GetAwaiter().GetResult();
        }

        private static void Wait(Func<bool> condition, CancellationToken cancel)
        {
            var deadline = Environment.TickCount64 + (long)DeliveryTimeout.TotalMilliseconds;
            while (!condition() && Environment.TickCount64 < deadline && !cancel.IsCancellationRequested)
            {
                Thread.SpinWait(200);
                Thread.Yield();
            }
        }
    }
}
