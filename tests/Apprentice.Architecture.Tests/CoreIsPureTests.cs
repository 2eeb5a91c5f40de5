using System.Reflection;

namespace Apprentice.Architecture.Tests;

/// <summary>Core never references ROS, DDS, ONNX Runtime, bags or other I/O adapters (ARCHITECTURE.md).</summary>
public sealed class CoreIsPureTests
{
    private static readonly string[] Forbidden =
    [
        "Apprentice.Ros", "Apprentice.Dds", "Apprentice.Bag", "Apprentice.Onnx", "Apprentice.Sim",
        "Apprentice.Nodes", "Apprentice.Learning", "Microsoft.ML.OnnxRuntime", "Microsoft.Data.Sqlite",
        "YamlDotNet", "ZstdSharp", "K4os.Compression.LZ4",
    ];

    [Test]
    public void Core_references_no_adapter_assembly()
    {
        var core = typeof(Apprentice.Core.AssemblyMarker).Assembly;
        var referenced = core.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToArray();
        Assert.That(referenced.Where(name => Forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal))), Is.Empty);
    }

    [Test]
    public void Core_project_file_has_only_allowed_references()
    {
        var csproj = File.ReadAllText(Apprentice.Testing.RepoPaths.Path("src", "Apprentice.Core", "Apprentice.Core.csproj"));
        Assert.That(csproj, Does.Not.Contain("ProjectReference"));
        foreach (var name in Forbidden)
        {
            Assert.That(csproj, Does.Not.Contain(name));
        }
    }

    [Test]
    public void Libraries_do_not_touch_the_file_system_from_core()
    {
        var core = typeof(Apprentice.Core.AssemblyMarker).Assembly;
        var fileTypes = new[] { typeof(File), typeof(FileStream), typeof(Directory) };
        var offenders = core.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => fileTypes.Contains(f.FieldType))
            .Select(f => f.DeclaringType + "." + f.Name);
        Assert.That(offenders, Is.Empty);
    }
}
