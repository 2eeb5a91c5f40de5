using Apprentice.Ros.Idl;
using Apprentice.Ros.Registry;

namespace Apprentice.Ros.Tests.Registry;

public sealed class InterfaceRegistryTests
{
    [Test]
    public void EmbeddedDefinitionsResolveWithDependenciesDepthFirst()
    {
        var registry = InterfaceRegistry.CreateDefault();
        var chain = registry.ResolveWithDependencies("sensor_msgs/msg/JointState");
        Assert.That(chain.Select(d => d.FullName), Is.EqualTo(new[]
        {
            "sensor_msgs/msg/JointState", "std_msgs/msg/Header", "builtin_interfaces/msg/Time",
        }));
    }

    [Test]
    public void ShortNamesAndServicePartsAreFound()
    {
        var registry = new InterfaceRegistry();
        registry.Add("example_interfaces", "srv", "AddTwoInts.srv", "int64 a\nint64 b\n---\nint64 sum\n", "test");
        Assert.Multiple(() =>
        {
            Assert.That(registry.TryGetMessage("example_interfaces/srv/AddTwoInts_Response", out var response), Is.True);
            Assert.That(response!.Fields[0].Name, Is.EqualTo("sum"));
            Assert.That(registry.ServiceNames, Is.EqualTo(new[] { "example_interfaces/srv/AddTwoInts" }));
        });
    }

    [Test]
    public void UnknownDependencyNamesTheReferrer()
    {
        var registry = new InterfaceRegistry();
        registry.Add("pkg", "msg", "Outer.msg", "Inner inner\n", "test");
        var e = Assert.Throws<InterfaceNotFoundException>(() => registry.ResolveWithDependencies("pkg/Outer"));
        Assert.That(e!.Message, Does.Contain("pkg/msg/Inner").And.Contain("pkg/msg/Outer"));
    }

    [Test]
    public void LoadsFoldersAndAmentPrefixPathWithFirstPrefixWinning()
    {
        var root = Path.Combine(Path.GetTempPath(), "apprentice-registry-" + Guid.NewGuid().ToString("N"));
        try
        {
            Write(Path.Combine(root, "a", "share", "my_msgs", "msg", "Thing.msg"), "int32 from_a\n");
            Write(Path.Combine(root, "b", "share", "my_msgs", "msg", "Thing.msg"), "int32 from_b\n");
            Write(Path.Combine(root, "b", "share", "my_msgs", "srv", "Do.srv"), "---\nbool ok\n");
            Write(Path.Combine(root, "proj", "Status.msg"), "Header header\nuint8 code\n");
            var registry = InterfaceRegistry.CreateDefault(
                Path.Combine(root, "a") + Path.PathSeparator + Path.Combine(root, "b"), Path.Combine(root, "proj"));
            Assert.Multiple(() =>
            {
                Assert.That(registry.GetMessage("my_msgs/msg/Thing").Fields[0].Name, Is.EqualTo("from_a"));
                Assert.That(registry.GetService("my_msgs/srv/Do").Response.Fields[0].Name, Is.EqualTo("ok"));
                Assert.That(registry.ResolveWithDependencies("apprentice/msg/Status"), Has.Count.EqualTo(3));
            });
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Test]
    public void InvalidTextFailsWithTheOrigin()
    {
        var registry = new InterfaceRegistry();
        registry.Add("pkg", "msg", "Bad.msg", "int32\n", "/some/where/Bad.msg");
        var e = Assert.Throws<IdlParseException>(() => registry.GetMessage("pkg/msg/Bad"));
        Assert.That(e!.Message, Does.StartWith("/some/where/Bad.msg:1:1"));
    }

    [Test]
    public void EveryEmbeddedDefinitionParses()
    {
        var registry = InterfaceRegistry.CreateDefault();
        Assert.That(registry.MessageNames, Is.Not.Empty);
        foreach (var name in registry.MessageNames)
        {
            Assert.That(registry.ResolveWithDependencies(name), Is.Not.Empty, name);
        }

        foreach (var name in registry.ServiceNames)
        {
            Assert.That(registry.GetService(name).Request, Is.Not.Null, name);
        }
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
