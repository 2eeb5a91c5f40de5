using System.Reflection;
using Apprentice.Ros.Dynamic;
using Apprentice.Ros.Messages;
using Apprentice.Ros.Registry;
using Apprentice.Testing;

namespace Apprentice.Ros.Tests.Generated;

/// <summary>The generated message types (in Apprentice.Ros and, from the fixtures, in this assembly) and a codec that knows them all.</summary>
internal static class GeneratedTypes
{
    public static IReadOnlyList<Type> All { get; } = Find();

    public static DynamicCodec CreateCodec()
    {
        var registry = InterfaceRegistry.CreateDefault();
        registry.AddFolder(RepoPaths.Root, "apprentice");
        foreach (var dir in Directory.EnumerateDirectories(RepoPaths.Path("tests", "Apprentice.Ros.Tests", "Fixtures")))
        {
            registry.AddFolder(dir, Path.GetFileName(dir));
        }

        registry.AddFolder(RepoPaths.Path("tests", "Apprentice.Ros.Tests", "Generated", "Fixtures", "gen_test"), "gen_test");
        return new DynamicCodec(registry);
    }

    private static Type[] Find()
    {
        var assemblies = new[] { typeof(IRosMessage<>).Assembly, typeof(GeneratedTypes).Assembly };
        return assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRosMessage<>)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The ROS type name of a generated type (its static <c>RosTypeName</c>).</summary>
    public static string RosName(Type type) =>
        (string)type.GetProperty("RosTypeName", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
}
