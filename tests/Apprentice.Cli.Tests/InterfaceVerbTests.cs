namespace Apprentice.Cli.Tests;

public sealed class InterfaceVerbTests
{
    [Test]
    public void ShowExpandsNestedTypesWithTabs()
    {
        var (code, output) = Run("interface", "show", "sensor_msgs/msg/JointState");
        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Match(@"std_msgs/Header header\n(\t[^\n]*\n)*\tbuiltin_interfaces/Time stamp\n(\t\t[^\n]*\n)*\t\tint32 sec\n"));
        Assert.That(output, Does.Contain("\nstring[] name"));
    }

    [Test]
    public void ListNamesEmbeddedMessages()
    {
        var (code, output) = Run("interface", "list");
        Assert.That(code, Is.Zero);
        Assert.That(output, Does.Contain("    std_msgs/msg/Header"));
    }

    [Test]
    public void UnknownTypeIsAnErrorNamingIt()
    {
        var (code, output) = Run("interface", "show", "nope_msgs/msg/Missing");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(output, Does.Contain("nope_msgs/msg/Missing"));
    }

    private static (int Code, string Output) Run(params string[] args)
    {
        using var writer = new StringWriter();
        var config = new System.CommandLine.InvocationConfiguration { Output = writer, Error = writer };
        var code = Program.BuildRoot().Parse(args).Invoke(config);
        return (code, writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
