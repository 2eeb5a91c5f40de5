using Apprentice.Core.Policies.Card;
using Apprentice.Onnx.Writer;

namespace Apprentice.Nodes.Tests.Policy;

/// <summary>
/// Small real ONNX policies for the node tests: every input is wired into a Gemm whose weights are
/// zero, so the action is the bias — a known command — while the graph still consumes each input.
/// </summary>
internal static class PolicyTestModels
{
    public static readonly string[] Panda = ["panda_joint1", "panda_joint2", "panda_joint3", "panda_joint4", "panda_joint5", "panda_joint6", "panda_joint7"];

    /// <summary>The reach-task layout (spec-s2): joint_pos, joint_vel, goal (+ scan bins, + image) → velocity action (chunk steps).</summary>
    public static OnnxModelBuilder Reach(double[] action, IReadOnlyList<string>? joints = null, int scanBins = 0, int image = 0, int chunk = 1, ActionMode mode = ActionMode.Velocity)
    {
        joints ??= Panda;
        var j = joints.Count;
        var m = new OnnxModelBuilder("test_reach_policy");
        var parts = new List<OnnxValue> { m.Input("joint_vel", 1, j), m.Input("goal", 1, 3) };
        var inputs = new List<PolicyInputSpec>
        {
            Spec("joint_pos", InputSourceKind.Joints, "joint_states", [1, j], joints),
            Spec("joint_vel", InputSourceKind.JointVelocities, "joint_states", [1, j], joints),
            Spec("goal", InputSourceKind.Reference, "goal", [1, 3], []),
        };
        var width = (2 * j) + 3;
        if (scanBins > 0)
        {
            parts.Add(m.Input("scan", 1, scanBins));
            inputs.Add(Spec("scan", InputSourceKind.LidarBins, "scan", [1, scanBins], []));
            width += scanBins;
        }

        if (image > 0)
        {
            parts.Add(m.Input("image", 1, 3, image, image).Flatten());
            inputs.Add(Spec("image", InputSourceKind.Image, "camera", [1, 3, image, image], []));
            width += 3 * image * image;
        }

        var features = m.Input("joint_pos", 1, j).Concat(1, [.. parts]);
        var bias = Enumerable.Range(0, chunk * j).Select(i => (float)(action[i % j] * (1 + (0.1 * (i / j))))).ToArray();
        var output = features.Gemm(m.Initializer("w", new float[chunk * j * width], chunk * j, width), m.Initializer("b", bias, chunk * j), transB: true);
        if (chunk > 1)
        {
            m.Output(output.Reshape(1, chunk, j), "action", 1, chunk, j);
        }
        else
        {
            m.Output(output, "action", 1, j);
        }

        return m.WithPolicyCard(new PolicyCard
        {
            Name = "test-reach",
            Inputs = inputs,
            Action = new ActionLayout { OutputName = "action", JointNames = [.. joints], Mode = mode, Units = mode == ActionMode.Position ? "rad" : "rad/s" },
            ChunkLength = chunk,
            ControlRateHz = 20,
        });
    }

    /// <summary>A base policy: LiDAR bins → (linear x, angular z).</summary>
    public static OnnxModelBuilder Base(double linear, double angular, int scanBins = 16)
    {
        var m = new OnnxModelBuilder("test_base_policy");
        var scan = m.Input("scan", 1, scanBins);
        var output = scan.Gemm(m.Initializer("w", new float[2 * scanBins], 2, scanBins), m.Initializer("b", [(float)linear, (float)angular], 2), transB: true);
        m.Output(output, "action", 1, 2);
        return m.WithPolicyCard(new PolicyCard
        {
            Name = "test-base",
            Inputs = [Spec("scan", InputSourceKind.LidarBins, "scan", [1, scanBins], [])],
            Action = new ActionLayout { OutputName = "action", JointNames = ["linear_x", "angular_z"], Mode = ActionMode.Velocity, Units = "m/s, rad/s" },
            ControlRateHz = 20,
        });
    }

    private static PolicyInputSpec Spec(string name, InputSourceKind source, string role, int[] shape, IReadOnlyList<string> joints) =>
        new() { Name = name, Source = source, TopicRole = role, Shape = shape, JointNames = [.. joints] };
}
