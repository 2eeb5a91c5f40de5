using System.Text.Json;
using Apprentice.Ros.Idl;
using Apprentice.Ros.Registry;
using Apprentice.Ros.Schema;
using Apprentice.Testing;

namespace Apprentice.Ros.Tests.Schema;

public sealed class Ros2MsgSchemaTests
{
    public static IEnumerable<TestCaseData> BagSchemas()
    {
        // Extracted from the MCAP files in shared/testdata with tests/interop/dump-schemas.mjs.
        var path = RepoPaths.Path("tests", "Apprentice.Ros.Tests", "Schema", "bag-schemas.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var s in doc.RootElement.EnumerateArray())
        {
            yield return new TestCaseData(s.GetProperty("name").GetString(), s.GetProperty("data").GetString())
                .SetArgDisplayNames(s.GetProperty("file").GetString()!.Split('/')[^1] + ":" + s.GetProperty("name").GetString());
        }
    }

    [TestCaseSource(nameof(BagSchemas))]
    public void BagSchemaParsesAndRebuildsToTheSameText(string name, string text)
    {
        var parsed = Ros2MsgSchema.Parse(name, text, InterfaceRegistry.CreateDefault());
        var isService = name.Contains("/srv/", StringComparison.Ordinal);
        var hasRepeats = CountSections(text) != CountDistinctSections(text);
        Assert.That(parsed.ResolveWithDependencies(parsed.Root.FullName), Is.Not.Empty);
        if (!isService && !hasRepeats)
        {
            Assert.That(Ros2MsgSchema.Build(parsed, parsed.Root.FullName), Is.EqualTo(text));
        }
    }

    [Test]
    public void ServiceEventSchemaYieldsTheEventLayout()
    {
        var parsed = Ros2MsgSchema.Parse("example_interfaces/srv/AddTwoInts_Event", "int64 a\nint64 b\n---\nint64 sum\n", InterfaceRegistry.CreateDefault());
        Assert.Multiple(() =>
        {
            Assert.That(parsed.Root.FullName, Is.EqualTo("example_interfaces/srv/AddTwoInts_Event"));
            Assert.That(parsed.Root.Fields.Select(f => f.Type.ToString()), Is.EqualTo(new[]
            {
                "service_msgs/ServiceEventInfo", "example_interfaces/srv/AddTwoInts_Request[<=1]", "example_interfaces/srv/AddTwoInts_Response[<=1]",
            }));
            Assert.That(parsed.ResolveWithDependencies(parsed.Root.FullName).Select(d => d.FullName), Does.Contain("builtin_interfaces/msg/Time"));
        });
    }

    [Test]
    public void RepeatedSectionsAreTolerated()
    {
        var text = "Time a\nbuiltin_interfaces/Time b\n" + Section("builtin_interfaces/Time", "int32 sec\nuint32 nanosec\n") + Section("builtin_interfaces/Time", "int32 sec\nuint32 nanosec\n");
        var parsed = Ros2MsgSchema.Parse("builtin_interfaces/msg/Pair", text);
        Assert.That(parsed.Definitions.Select(d => d.FullName), Is.EquivalentTo(new[] { "builtin_interfaces/msg/Pair", "builtin_interfaces/msg/Time" }));
    }

    [Test]
    public void BuildWritesTheRootThenEachDependencyOnceDepthFirst()
    {
        var registry = new InterfaceRegistry();
        registry.AddEmbedded();
        var text = Ros2MsgSchema.Build(registry, "sensor_msgs/msg/JointState");
        var expected = registry.GetMessage("sensor_msgs/msg/JointState").Text +
                       Section("std_msgs/Header", registry.GetMessage("std_msgs/msg/Header").Text) +
                       Section("builtin_interfaces/Time", registry.GetMessage("builtin_interfaces/msg/Time").Text);
        Assert.That(text, Is.EqualTo(expected));
    }

    [Test]
    public void BuildOfServiceEventUsesTheSrvText()
    {
        var registry = new InterfaceRegistry();
        registry.AddEmbedded();
        registry.Add("example_interfaces", "srv", "AddTwoInts.srv", "int64 a\nint64 b\n---\nint64 sum\n", "test");
        Assert.That(Ros2MsgSchema.Build(registry, "example_interfaces/srv/AddTwoInts_Event"), Is.EqualTo("int64 a\nint64 b\n---\nint64 sum\n"));
        Assert.That(Ros2MsgSchema.Build(registry, "example_interfaces/srv/AddTwoInts"), Is.EqualTo("int64 a\nint64 b\n---\nint64 sum\n"));
    }

    [Test]
    public void StringSchemaFromTheTalkerBagMatchesTheEmbeddedDefinitionFieldForField()
    {
        var bag = BagSchemas().First(c => (string)c.Arguments[0]! == "std_msgs/msg/String");
        var parsed = Ros2MsgSchema.Parse("std_msgs/msg/String", (string)bag.Arguments[1]!);
        var ours = InterfaceRegistry.CreateDefault().GetMessage("std_msgs/msg/String");
        Assert.That(parsed.Root.Fields.Select(f => f.ToString()), Is.EqualTo(ours.Fields.Select(f => f.ToString())));
    }

    private static string Section(string name, string text) => "\n" + new string('=', 80) + "\nMSG: " + name + "\n" + text;

    private static int CountSections(string text) => text.Split("\nMSG: ").Length;

    private static int CountDistinctSections(string text) => text.Split("\nMSG: ").Distinct().Count();
}
