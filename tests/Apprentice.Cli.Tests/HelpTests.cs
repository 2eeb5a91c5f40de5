namespace Apprentice.Cli.Tests;

public sealed class HelpTests
{
    [Test]
    public void Root_help_lists_every_verb()
    {
        var root = Program.BuildRoot();
        using var writer = new StringWriter();
        var config = new System.CommandLine.InvocationConfiguration { Output = writer };
        var code = root.Parse(["--help"]).Invoke(config);
        Assert.That(code, Is.Zero);
        foreach (var verb in root.Subcommands)
        {
            Assert.That(writer.ToString(), Does.Contain(verb.Name));
        }
    }

    [Test]
    public void Unknown_verb_is_an_error()
    {
        var root = Program.BuildRoot();
        using var writer = new StringWriter();
        var config = new System.CommandLine.InvocationConfiguration { Output = writer, Error = writer };
        Assert.That(root.Parse(["no-such-verb"]).Invoke(config), Is.Not.Zero);
    }
}
