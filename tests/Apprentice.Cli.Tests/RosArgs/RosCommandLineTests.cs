using System.CommandLine;
using Apprentice.Cli.RosArgs;
using Apprentice.Nodes.Recorder;
using Apprentice.Ros.Args;
using Apprentice.Testing;
using Serilog.Events;

namespace Apprentice.Cli.Tests.RosArgs;

[TestFixture]
[NonParallelizable] // RosCommandLine.Current is process-wide
public sealed class RosCommandLineTests
{
    [TearDown]
    public void Reset() => RosCommandLine.Current = new RosArguments();

    [Test]
    public void RosArgsAsRos2LaunchPassesThemRenameTheNodeAndBindTheParameterFile()
    {
        var (cli, ros) = RosCommandLine.Split(
        [
            "record", "-o", "out", "--ros-args", "-r", "__node:=demo_recorder", "-r", "__ns:=/robot1",
            "--params-file", RepoPaths.Path("config", "recorder.yaml"), "-p", "recorder:all:=true", "-p", "max_bag_duration:=30",
            "--log-level", "debug", "--", "/joint_states",
        ]);
        RosCommandLine.Current = ros;
        var node = RosCommandLine.For(RecorderParameters.NodeName);

        Assert.That(cli, Is.EqualTo(new[] { "record", "-o", "out", "/joint_states" }));
        Assert.That((node.NodeName, node.Namespace, node.FullyQualifiedName), Is.EqualTo(("demo_recorder", "/robot1", "/robot1/demo_recorder")));
        var options = node.Bind(RecorderParameters.Binder, new RecorderOptions { OutputDirectory = "x" });
        Assert.That((options.All, options.Writer.MaxFileDuration, options.Writer.StorageIdentifier), Is.EqualTo((true, TimeSpan.FromSeconds(30), "mcap")));
        Assert.That(node.LogLevel(), Is.EqualTo(LogEventLevel.Debug));
        Assert.That(node.NodeOptions().Remaps.Select(r => r.To), Does.Contain("/robot1"));
    }

    [Test]
    public void AnUnknownParameterStopsTheVerbWithAMessageNamingIt()
    {
        using var error = new StringWriter();
        var code = Program.Run(["record", "-a", "--ros-args", "-p", "al:=true"], new InvocationConfiguration { Output = TextWriter.Null, Error = error });

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error.ToString(), Does.Contain("'al'"));
    }

    [Test]
    public void AMalformedRosArgsSectionIsRejectedBeforeAnyVerbRuns()
    {
        using var error = new StringWriter();
        var code = Program.Run(["play", "bag", "--ros-args", "--params-file", "/no/such/file.yaml"], new InvocationConfiguration { Output = TextWriter.Null, Error = error });

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("/no/such/file.yaml"));
    }
}
