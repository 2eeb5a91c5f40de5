using Apprentice.Safety.Model;
using Apprentice.Sim;
using Apprentice.Sim.Expert;
using Apprentice.Sim.Scene;
using BenchmarkDotNet.Attributes;

namespace Apprentice.Benchmarks.Sim;

/// <summary>
/// The reach simulation's costs on the CPU: one 50 ms control period of physics (25 MuJoCo steps with gravity
/// compensation, contacts and bookkeeping), one 180-ray scan, one scripted-expert command, one 96×96 camera frame
/// (EGL, Mesa llvmpipe). Reads config/sim/reach.yaml found above the working directory.
/// </summary>
[MemoryDiagnoser]
public class ReachSimulationBenchmarks
{
    private readonly double[] _q = new double[7];
    private readonly double[] _qdot = new double[7];
    private ReachSimulation _sim = null!;
    private ScriptedExpert _expert = null!;
    private float[] _ranges = [];
    private byte[] _rgb = [];

    /// <summary>Loads the scene and sets up the camera.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var options = ReachOptions.Load(FindConfig());
        _sim = ReachSimulation.Load(options);
        _sim.EnableCamera();
        _expert = ScriptedExpert.ForPanda(UrdfParser.Parse(File.ReadAllText(options.RobotDescriptionPath)), options.Task.Home);
        _ranges = new float[options.Scan.RayCount];
        _rgb = new byte[options.CameraWidth * options.CameraHeight * 3];
        _sim.Reset(_sim.Task.Generate(0, 0));
        _sim.CommandVelocity([0.05, 0, 0, 0, 0, 0, 0]);
    }

    // BenchmarkDotNet runs the benchmark from its own build folder inside the repository: look upward.
    private static string FindConfig()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "config", "sim", "reach.yaml");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("config/sim/reach.yaml not found above the working or benchmark directory");
    }

    /// <summary>Frees the model.</summary>
    [GlobalCleanup]
    public void Cleanup() => _sim.Dispose();

    /// <summary>50 ms of physics (25 steps of 2 ms).</summary>
    [Benchmark]
    public void ControlPeriodOfPhysics()
    {
        _sim.CommandVelocity(_qdot);
        _sim.Step(TimeSpan.FromMilliseconds(50));
    }

    /// <summary>One 180-ray planar scan.</summary>
    [Benchmark]
    public void Scan() => _sim.Scan(_ranges);

    /// <summary>One expert command (FK, Jacobian, two DLS solves).</summary>
    [Benchmark]
    public void ExpertCommand()
    {
        _sim.GetJointPositions(_q);
        _expert.Compute(_sim.EpisodeTime, _q, _sim.Target, _qdot);
    }

    /// <summary>One 96×96 RGB frame.</summary>
    [Benchmark]
    public void RenderCamera() => _sim.RenderCamera(_rgb);
}
