using Apprentice.Safety.Kinematics;
using Apprentice.Safety.Limits;
using Apprentice.Safety.Model;
using Apprentice.Testing;
using YamlDotNet.RepresentationModel;

namespace Apprentice.Safety.Tests.Support;

/// <summary>Loads the shipped robot descriptions (config/robots) the way the composition root will.</summary>
internal static class Robots
{
    private static readonly Lazy<RobotDescription> PandaUrdf = new(() => UrdfParser.Parse(File.ReadAllText(RepoPaths.Path("config", "robots", "panda.urdf")), "panda.urdf"));

    public static RobotDescription Panda => PandaUrdf.Value;

    public static KinematicChain PandaChain { get; } = KinematicChain.Create(Panda, "panda_link0", "panda_hand_tcp");

    public static IReadOnlyDictionary<string, string> PandaParameters { get; } = FlatYaml(RepoPaths.Path("config", "robots", "panda_joint_limits.yaml"));

    public static MergedJointLimits PandaLimits { get; } = JointLimitsMerger.Merge(Panda, PandaChain.VariableNames, PandaParameters);

    public static RobotDescription Burger { get; } = UrdfParser.Parse(File.ReadAllText(RepoPaths.Path("config", "robots", "turtlebot3_burger.urdf")), "turtlebot3_burger.urdf");

    public static IReadOnlyDictionary<string, string> BurgerParameters { get; } = FlatYaml(RepoPaths.Path("config", "robots", "turtlebot3_burger_limits.yaml"));

    public static DiffDriveDescription BurgerBase { get; } = DiffDriveDescription.FromParameters(BurgerParameters);

    /// <summary>A ready position of the Panda (the published "ready" pose).</summary>
    public static double[] PandaReady => [0, -Math.PI / 4, 0, -3 * Math.PI / 4, 0, Math.PI / 2, Math.PI / 4];

    /// <summary>Flattens a YAML file of nested maps into "a.b.c" → scalar text, as the parameter loader at the edge does.</summary>
    public static Dictionary<string, string> FlatYaml(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(path)))
        {
            stream.Load(reader);
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(stream.Documents[0].RootNode, string.Empty, result);
        return result;
    }

    private static void Walk(YamlNode node, string prefix, Dictionary<string, string> into)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    Walk(v, prefix.Length == 0 ? ((YamlScalarNode)k).Value! : prefix + "." + ((YamlScalarNode)k).Value, into);
                }

                break;
            case YamlScalarNode scalar:
                into[prefix] = scalar.Value ?? string.Empty;
                break;
            default:
                throw new InvalidDataException("sequences are not used in limits files: " + prefix);
        }
    }
}
