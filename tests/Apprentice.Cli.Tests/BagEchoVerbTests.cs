using Apprentice.Testing;

namespace Apprentice.Cli.Tests;

public sealed class BagEchoVerbTests
{
    [Test]
    public void Bag_echo_prints_the_talker_messages_decoded_with_the_bags_own_schema()
    {
        var output = Run("bag", "echo", TestData.Path("rosbag2", "mcap", "talker"), "--topic", "/topic", "--count", "3");
        Assert.That(output, Does.Contain("data: Hello, world! 0").Or.Contain("data: 'Hello, world! 0'"));
        Assert.That(output, Does.Contain("Hello, world! 2"));
        Assert.That(output, Does.Not.Contain("Hello, world! 3"), "--count 3 stops after three messages");
    }

    [Test]
    public void Bag_echo_json_prints_one_object_per_message()
    {
        var output = Run("bag", "echo", TestData.Path("rosbag2", "mcap", "cdr_test"), "--topic", "/test_topic", "--json");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(3));
        Assert.That(lines, Has.All.Contain("\"int32_value\":123"));
    }

    private static string Run(params string[] args)
    {
        var previous = Console.Out;
        using var writer = new StringWriter();
        Console.SetOut(writer);
        try
        {
            Assert.That(Program.Main(args), Is.Zero);
        }
        finally
        {
            Console.SetOut(previous);
        }

        return writer.ToString();
    }
}
