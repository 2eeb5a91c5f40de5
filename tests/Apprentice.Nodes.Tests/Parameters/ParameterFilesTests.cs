using System.Collections;
using System.Reflection;
using Apprentice.Nodes.Parameters;
using Apprentice.Nodes.Player;
using Apprentice.Nodes.Recorder;
using Apprentice.Ros.Args;
using Apprentice.Testing;

namespace Apprentice.Nodes.Tests.Parameters;

/// <summary>
/// config/&lt;node&gt;.yaml against the node's parameter binder: every parameter in the file binds,
/// every binder parameter is in the file, the file's values are the options' defaults, and every
/// option has a parameter (or a stated reason not to).
/// </summary>
[TestFixture]
public sealed class ParameterFilesTests
{
    private static readonly RecorderOptions RecorderDefaults = new() { OutputDirectory = "default-name" };

    [Test]
    public void RecorderYamlMatchesItsBinderAndDocumentsTheDefaults() =>
        Check("recorder.yaml", "/robot1/recorder", RecorderParameters.Binder, RecorderDefaults, RecorderParameters.NotParameters);

    [Test]
    public void PlayerYamlMatchesItsBinderAndDocumentsTheDefaults() =>
        Check("player.yaml", "/player", PlayerParameters.Binder, PlayerOptions.Default, PlayerParameters.NotParameters);

    [Test]
    public void EveryParameterLineCarriesAComment()
    {
        foreach (var file in new[] { "recorder.yaml", "player.yaml" })
        {
            var lines = File.ReadAllLines(RepoPaths.Path("config", file)).Where(l => l.StartsWith("    ", StringComparison.Ordinal) && l.Contains(':', StringComparison.Ordinal));
            Assert.That(lines.Where(l => !l.Contains('#', StringComparison.Ordinal)), Is.Empty, file);
        }
    }

    [Test]
    public void UnknownParametersAndWrongTypesAreErrorsNamingTheParameter()
    {
        var unknown = Assert.Throws<RosArgumentException>(() => RecorderParameters.Binder.Bind(RecorderDefaults, Params("max_bag_sise", "10")));
        Assert.That(unknown!.Message, Does.Contain("'max_bag_sise'").And.Contain("max_bag_size"));
        var wrong = Assert.Throws<RosArgumentException>(() => PlayerParameters.Binder.Bind(PlayerOptions.Default, Params("loop", "'yes'")));
        Assert.That(wrong!.Message, Does.Contain("'loop'").And.Contain("bool"));
        var bound = PlayerParameters.Binder.Bind(PlayerOptions.Default, Params("rate", "2", "use_sim_time", "true"));
        Assert.That(bound.Rate, Is.EqualTo(2.0));
    }

    private static Dictionary<string, RosParameterValue> Params(params string[] pairs) =>
        pairs.Chunk(2).ToDictionary(p => p[0], p => RosParameterValue.ParseYaml(p[1], p[0]));

    private static void Check<T>(string file, string nodeFqn, ParameterBinder<T> binder, T defaults, IReadOnlyDictionary<string, string> notParameters)
        where T : class
    {
        var yaml = ParamsFile.Load(RepoPaths.Path("config", file)).For(nodeFqn);
        Assert.That(yaml.Keys, Is.EquivalentTo(binder.Bindings.Select(b => b.Name)), $"{file} vs binder");

        var bound = binder.Bind(defaults, yaml);
        foreach (var b in binder.Bindings)
        {
            Assert.That(Normalise(Get(bound, b.Option)), Is.EqualTo(Normalise(Get(defaults, b.Option))), $"{file}: '{b.Name}' documents a value other than the default of {b.Option}");
        }

        var covered = binder.Bindings.Select(b => b.Option).Concat(notParameters.Keys).ToHashSet(StringComparer.Ordinal);
        Assert.That(LeafOptions(typeof(T), "").Where(p => !covered.Contains(p)), Is.Empty, "options without a parameter");
        Assert.That(covered.Where(p => Get(defaults, p) is Missing), Is.Empty, "parameters naming no option");
    }

    private sealed class Missing;

    private static object? Get(object? target, string path)
    {
        foreach (var part in path.Split('.'))
        {
            var p = target?.GetType().GetProperty(part, BindingFlags.Public | BindingFlags.Instance);
            if (p is null)
            {
                return new Missing();
            }

            target = p.GetValue(target);
        }

        return target;
    }

    private static object? Normalise(object? value) => value switch
    {
        string s => s,
        IEnumerable e => e.Cast<object>().Select(x => x.ToString()).Order(StringComparer.Ordinal).ToList(),
        _ => value,
    };

    // Option records nest (RecorderOptions.Writer.Mcap): descend into the project's own option records.
    private static IEnumerable<string> LeafOptions(Type type, string prefix)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var name = prefix + p.Name;
            if (p.PropertyType.Name.EndsWith("Options", StringComparison.Ordinal) && p.PropertyType.Namespace!.StartsWith("Apprentice", StringComparison.Ordinal))
            {
                foreach (var inner in LeafOptions(p.PropertyType, name + "."))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return name;
            }
        }
    }
}
