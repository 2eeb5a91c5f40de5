using Apprentice.Testing;

namespace Apprentice.Cli.Tests.Verbs;

public sealed class SimVerbTests
{
    [Test]
    public void LockstepExpertEpisodesOverDdsPrintOneLinePerEpisode()
    {
        var (code, output) = Run("sim", "--config", RepoPaths.Path("config", "sim", "reach.yaml"), "--episodes", "2", "--seed", "3", "--expert", "--ros-args", "-r", "__ns:=/sim_verb_test");
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("episode 0 seed 3: succeeded"));
        Assert.That(output, Does.Contain("episode 1 seed 3: succeeded"));
        Assert.That(output, Does.Contain("2/2 succeeded, 0 collisions"));
    }

    [Test]
    public void UnknownArgumentsAndMissingConfigAreErrors()
    {
        Assert.That(Run("sim", "--bogus").Code, Is.EqualTo(1));
        var (code, output) = Run("sim", "--config", "/nonexistent/reach.yaml");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("/nonexistent/reach.yaml"));
    }

    private static (int Code, string Output) Run(params string[] args)
    {
        using var writer = new StringWriter();
        var config = new System.CommandLine.InvocationConfiguration { Output = writer, Error = writer };
        var code = Program.Run(args, config);
        return (code, writer.ToString());
    }
}
