using System.Diagnostics;
using Apprentice.Testing;

namespace Apprentice.Cli.Tests.Packaging;

/// <summary>
/// Runs the root CMakeLists.txt as colcon would (configure, build, install into a temporary prefix;
/// no ROS needed), reusing this run's build of the CLI (<c>dotnet publish --no-build</c>), and checks
/// the ROS install layout and that each installed executable starts and prints its help.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class InstallLayoutTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private string _root = "";
    private string _prefix = "";

    [OneTimeSetUp]
    public void Install()
    {
        _root = Path.Combine(Path.GetTempPath(), "apprentice-install-" + Guid.NewGuid().ToString("N"));
        _prefix = Path.Combine(_root, "install");
        var build = Path.Combine(_root, "build");
        Run("cmake", ["-S", RepoPaths.Path(), "-B", build, "-DAPPRENTICE_PUBLISH_NO_BUILD=ON", $"-DAPPRENTICE_CONFIGURATION={Configuration}", $"-DCMAKE_INSTALL_PREFIX={_prefix}"]);
        Run("cmake", ["--build", build]);
        Run("cmake", ["--install", build]);
    }

    [OneTimeTearDown]
    public void Remove()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void InstallHasTheRosLayout()
    {
        var lib = Path.Combine(_prefix, "lib", "apprentice");
        var share = Path.Combine(_prefix, "share", "apprentice");
        Assert.That(Directory.GetFiles(lib).Select(Path.GetFileName), Is.EquivalentTo(InstallLayout.Executables));
        Assert.That(File.Exists(Path.Combine(lib, "dotnet", "apprentice.dll")), Is.True, "published CLI");
        Assert.That(File.Exists(Path.Combine(lib, "dotnet", "libapprentice_cyclone_shim.so")), Is.True, "Cyclone DDS shim");
        Assert.That(File.Exists(Path.Combine(share, "package.xml")), Is.True);
        Assert.That(File.Exists(Path.Combine(_prefix, "share", "ament_index", "resource_index", "packages", "apprentice")), Is.True, "ament index marker");
        foreach (var folder in new[] { "launch", "config", "msg", "srv" })
        {
            var source = Directory.GetFiles(RepoPaths.Path(folder), "*", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(f) != "README.md").Select(f => Path.GetRelativePath(RepoPaths.Path(folder), f));
            var installed = Directory.GetFiles(Path.Combine(share, folder), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(share, folder), f));
            Assert.That(installed, Is.EquivalentTo(source), folder);
        }

        foreach (var exe in InstallLayout.Executables)
        {
            Assert.That(File.GetUnixFileMode(Path.Combine(lib, exe)).HasFlag(UnixFileMode.UserExecute), Is.True, exe);
        }
    }

    [Test]
    public void EachInstalledExecutableStartsAndPrintsItsHelp()
    {
        var lib = Path.Combine(_prefix, "lib", "apprentice");
        var (code, output) = Run(Path.Combine(lib, "apprentice"), ["--help"], check: false);
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("record").And.Contain("play"));
        foreach (var (exe, verb) in InstallLayout.NodeExecutables.Where(kv => !InstallLayout.VerbsNotYetOnThisBranch.Contains(kv.Value)))
        {
            (code, output) = Run(Path.Combine(lib, exe), ["--help"], check: false);
            Assert.That(code, Is.Zero, $"{exe}: {output}");
            Assert.That(output, Does.Contain($"apprentice {verb}"), exe);
        }
    }

    [Test]
    public void VerbsListedAsNotYetMergedReallyAreMissing()
    {
        var verbs = Program.BuildRoot().Subcommands.Select(c => c.Name).ToHashSet();
        Assert.That(InstallLayout.VerbsNotYetOnThisBranch.Where(verbs.Contains), Is.Empty,
            "these verbs exist now: remove them from InstallLayout.VerbsNotYetOnThisBranch so their executables are started");
        Assert.That(InstallLayout.NodeExecutables.Values.Where(v => !InstallLayout.VerbsNotYetOnThisBranch.Contains(v)).Where(v => !verbs.Contains(v)), Is.Empty);
    }

    private static (int Code, string Output) Run(string file, string[] args, bool check = true)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', args)} did not finish in 3 minutes");
        }

        var output = stdout.Result + stderr.Result;
        if (check)
        {
            Assert.That(p.ExitCode, Is.Zero, $"{file} {string.Join(' ', args)}:\n{output}");
        }

        return (p.ExitCode, output);
    }
}
