using Apprentice.Core;
using Apprentice.Safety.Blending;
using Apprentice.Safety.Control;
using Apprentice.Safety.Filter;
using Apprentice.Safety.Geometry;
using Apprentice.Safety.Kinematics;
using Apprentice.Safety.Limits;
using Apprentice.Safety.Model;
using Apprentice.Safety.Planner;
using Apprentice.Safety.Zones;
using YamlDotNet.RepresentationModel;

namespace Apprentice.Nodes.Policy;

/// <summary>Builds the safety side of the node from the robot files and options (configure time; throws <see cref="ConfigurationException"/> naming the parameter).</summary>
internal static class SafetyBuilder
{
    /// <summary>The merged limits and, for arms, the kinematic chain (null for bases).</summary>
    public static (JointLimits[] Limits, KinematicChain? Chain, IReadOnlyList<string> Warnings) Robot(PolicyNodeOptions o)
    {
        var joints = o.Robot.JointNames;
        if (o.Robot.UrdfPath.Length == 0)
        {
            if (o.Output.Kind is not (OutputKind.Twist or OutputKind.TwistStamped) || joints.Count is not (2 or 3))
            {
                throw new ConfigurationException("robot.urdf_path", "is required for arm outputs; only twist outputs of 2 or 3 axes may go without a URDF.");
            }

            var s = o.Safety;
            var lin = new JointLimits(double.NegativeInfinity, double.PositiveInfinity, s.BaseMaxLinear, s.BaseMaxAcceleration, s.BaseMaxAcceleration, double.PositiveInfinity, double.PositiveInfinity);
            var ang = lin with { MaxVelocity = s.BaseMaxAngular };
            return (joints.Count == 2 ? [lin, ang] : [lin, lin, ang], null, []);
        }

        var robot = UrdfParser.Parse(Read("robot.urdf_path", o.Robot.UrdfPath), o.Robot.UrdfPath);
        KinematicChain chain;
        try
        {
            chain = KinematicChain.Create(robot, o.Robot.BaseLink, o.Robot.TipLink);
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException("robot.base_link", e.Message);
        }

        if (!chain.VariableNames.SequenceEqual(joints))
        {
            throw new ConfigurationException("robot.joint_names", "must list the joints of the chain " + o.Robot.BaseLink + " → " + o.Robot.TipLink + " in order: [" + string.Join(", ", chain.VariableNames) + "] (got [" + string.Join(", ", joints) + "]).");
        }

        var parameters = o.Robot.JointLimitsPath.Length == 0 ? new Dictionary<string, string>() : FlatYaml(o.Robot.JointLimitsPath);
        var merged = JointLimitsMerger.Merge(robot, joints, parameters);
        return (merged.Limits, chain, merged.Warnings);
    }

    /// <summary>The safety stage parts other than inputs: filter, controller, projector, goal.</summary>
    public static SafetyStageParts Stage(PolicyNodeOptions o, JointLimits[] limits, KinematicChain? chain, PolicyInputs inputs, TakeoverInput? takeover, TimeSpan period)
    {
        var s = o.Safety;
        var proximity = chain is not null && s.ArmProximity && o.Inputs.Lidar.Enabled;
        var filter = new SafetyFilter(
            new SafetyFilterOptions
            {
                Limits = limits,
                InputTimeouts = inputs.Joints is null ? [] : [o.Inputs.JointStates.Timeout],
                HeartbeatTimeout = o.Inputs.Heartbeat.Enabled ? o.Inputs.Heartbeat.Timeout : null,
                ScanTimeout = o.Inputs.Lidar.Timeout,
                NominalPeriod = period,
                CommandTimeout = TimeSpan.FromTicks(Math.Max(period.Ticks * 3, TimeSpan.FromMilliseconds(100).Ticks)),
                ArmProximity = proximity ? new ArmProximityOptions { StopDistanceM = s.StopDistanceM, SlowdownDistanceM = s.SlowdownDistanceM } : null,
            },
            chain is null ? null : new KinematicsSolver(chain));
        ResolvedRatePlanner? nominal = chain is null ? null : new ResolvedRatePlanner(new KinematicsSolver(chain));
        SafetyController? controller = null;
        if (s.Blending)
        {
            AnchorPlanner? anchor = null;
            if (s.AnchorPath.Length > 0)
            {
                var bytes = File.Exists(s.AnchorPath) ? File.ReadAllBytes(s.AnchorPath) : throw new ConfigurationException("safety.anchor_path", "file '" + s.AnchorPath + "' does not exist.");
                anchor = new AnchorPlanner(DemonstrationAnchorFile.Read(bytes, s.AnchorPath));
            }

            var planner = new DriftCorrectingPlanner(limits.Length, nominal, anchor);
            var blender = new AuthorityBlender(new AuthorityOptions { RiseRatePerSec = s.AlphaRisePerSec, FallRatePerSec = s.AlphaFallPerSec, MaxAlpha = s.MaxAlpha }, s.InitialAlpha);
            controller = new SafetyController(planner, blender, filter);
        }

        var xyz = o.Inputs.ScanInBaseXyz;
        var rpy = o.Inputs.ScanInBaseRpy;
        return new SafetyStageParts
        {
            Filter = filter,
            Controller = controller,
            Inputs = inputs,
            Takeover = takeover,
            Projector = proximity ? new ScanProjector(Transform3.FromXyzRpy(new Vec3(xyz[0], xyz[1], xyz[2]), new Vec3(rpy[0], rpy[1], rpy[2])), o.Inputs.LidarMaxPoints) : null,
            Goal = nominal is not null && inputs.Reference is { } box && controller is not null
                ? new ReferenceGoal(nominal, new KinematicsSolver(chain!), box, o.Inputs.Reference.Type == "std_msgs/msg/Float64MultiArray", s.PlannerSpeedMPerSec)
                : null,
            HeartbeatEnabled = o.Inputs.Heartbeat.Enabled,
        };
    }

    private static string Read(string parameter, string path) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new ConfigurationException(parameter, "file '" + path + "' does not exist.");

    /// <summary>A joint_limits YAML (plain or under node/ros__parameters) flattened to dotted keys.</summary>
    private static Dictionary<string, string> FlatYaml(string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(Read("robot.joint_limits_path", path)));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ConfigurationException("robot.joint_limits_path", "'" + path + "' is not valid YAML: " + e.Message);
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (stream.Documents.Count > 0)
        {
            Walk(stream.Documents[0].RootNode, string.Empty, result);
        }

        return result;
    }

    private static void Walk(YamlNode node, string prefix, Dictionary<string, string> into)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    var key = ((YamlScalarNode)k).Value ?? string.Empty;
                    Walk(v, prefix.Length == 0 ? key : prefix + "." + key, into);
                }

                break;
            case YamlScalarNode scalar:
                into[prefix] = scalar.Value ?? string.Empty;
                break;
        }
    }
}
