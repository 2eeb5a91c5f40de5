using Apprentice.Sim.Physics;

namespace Apprentice.Sim.Scene;

/// <summary>
/// The named elements of the reach scene (config/sim/reach.xml) resolved to MuJoCo ids once, at load. The scene
/// contract: joints and position actuators for panda_joint1..7 (qpos = the 7 joints, in order), site
/// <c>panda_hand_tcp</c>, mocap bodies <c>target</c> and <c>obstacle</c>, geoms <c>table_top</c> and
/// <c>obstacle_box</c>, camera <c>camera_link</c>; arm geoms are those on bodies panda_link0..7 and panda_hand.
/// </summary>
public sealed class ReachScene
{
    /// <summary>The arm's joint names, in command order.</summary>
    public static readonly IReadOnlyList<string> JointNames = [.. Enumerable.Range(1, 7).Select(i => $"panda_joint{i}")];

    private static readonly string[] ArmBodies = ["panda_link0", "panda_link1", "panda_link2", "panda_link3", "panda_link4", "panda_link5", "panda_link6", "panda_link7", "panda_hand"];

    internal ReachScene(MujocoModel model, string source)
    {
        int Need(int id, string what) => id >= 0 ? id : throw new SceneLoadException($"Scene {source} lacks {what}, which the reach simulation needs.");
        if (model.Nq != 7 || model.Nv != 7 || model.Nu != 7)
        {
            throw new SceneLoadException($"Scene {source} must have exactly the 7 arm joints and 7 actuators (nq={model.Nq}, nv={model.Nv}, nu={model.Nu}).");
        }

        for (var i = 0; i < 7; i++)
        {
            if (Need(model.JointId(JointNames[i]), $"joint '{JointNames[i]}'") != i)
            {
                throw new SceneLoadException($"Scene {source}: joint '{JointNames[i]}' must be joint {i} (joints in chain order).");
            }
        }

        TcpSite = Need(model.SiteId("panda_hand_tcp"), "site 'panda_hand_tcp'");
        TargetBody = Need(model.BodyId("target"), "mocap body 'target'");
        ObstacleBody = Need(model.BodyId("obstacle"), "mocap body 'obstacle'");
        TableGeom = Need(model.GeomId("table_top"), "geom 'table_top'");
        ObstacleGeom = Need(model.GeomId("obstacle_box"), "geom 'obstacle_box'");
        Camera = model.CameraId("camera_link");
        var armBodies = ArmBodies.Select(b => Need(model.BodyId(b), $"body '{b}'")).ToHashSet();
        IsArmGeom = [.. Enumerable.Range(0, model.GeomCount).Select(g => armBodies.Contains(model.GeomBody(g)))];
    }

    /// <summary>TCP site id.</summary>
    public int TcpSite { get; }

    /// <summary>Target (goal marker) mocap body id.</summary>
    public int TargetBody { get; }

    /// <summary>Obstacle mocap body id.</summary>
    public int ObstacleBody { get; }

    /// <summary>Table top geom id.</summary>
    public int TableGeom { get; }

    /// <summary>Obstacle geom id.</summary>
    public int ObstacleGeom { get; }

    /// <summary>Fixed camera id, or -1 when the scene has none.</summary>
    public int Camera { get; }

    /// <summary>Per geom id: whether it belongs to the arm.</summary>
    public IReadOnlyList<bool> IsArmGeom { get; }

    /// <summary>Ray-cast group mask for the scan: group 0 (table and obstacle), never the arm (group 1) or the marker (group 2).</summary>
    public const int ScanGroupMask = 1;
}
