using Apprentice.Safety.Model;
using CsCheck;

namespace Apprentice.Safety.Tests.Model;

public sealed class UrdfParserTests
{
    private const string TwoLinks = """
        <robot name="r">
          <link name="a"><collision><origin xyz="0 0 0.1"/><geometry><mesh filename="package://r/a.stl" scale="2 1 1"/></geometry></collision></link>
          <link name="b"><collision><geometry><sphere radius="0.05"/></geometry></collision></link>
          <link name="c"/>
          <joint name="j1" type="revolute">
            <parent link="a"/><child link="b"/><origin xyz="0 0 1" rpy="0 0 1.5707963267948966"/><axis xyz="0 2 0"/>
            <limit lower="-1" upper="1" velocity="2" effort="10"/>
            <safety_controller soft_lower_limit="-0.9" soft_upper_limit="0.9" k_position="10" k_velocity="5"/>
          </joint>
          <joint name="j2" type="prismatic">
            <parent link="b"/><child link="c"/><axis xyz="0 0 1"/><limit lower="0" upper="0.1" velocity="0.5" effort="100"/>
            <mimic joint="j1" multiplier="0.5" offset="0.01"/>
          </joint>
        </robot>
        """;

    [Test]
    public void Parses_joints_limits_soft_limits_mimic_and_axes()
    {
        var robot = UrdfParser.Parse(TwoLinks);
        var j1 = robot.Joint("j1");
        Assert.That(j1.Type, Is.EqualTo(JointType.Revolute));
        Assert.That(j1.Axis.Y, Is.EqualTo(1).Within(1e-12), "axis is normalised");
        Assert.That(j1.Limit, Is.EqualTo(new UrdfJointLimit(-1, 1, 2, 10)));
        Assert.That(j1.SafetyController, Is.EqualTo(new UrdfSafetyController(-0.9, 0.9, 10, 5)));
        Assert.That(j1.Origin.Translation.Z, Is.EqualTo(1).Within(1e-12));
        Assert.That(j1.Origin.M10, Is.EqualTo(1).Within(1e-12), "yaw of π/2 maps x onto y");
        Assert.That(robot.Joint("j2").Mimic, Is.EqualTo(new UrdfMimic("j1", 0.5, 0.01)));
    }

    [Test]
    public void Mesh_becomes_a_bounding_sphere_scaled_by_the_largest_scale_component()
    {
        var robot = UrdfParser.Parse(TwoLinks, "r.urdf", UrdfParseOptions.Default with { MeshBoundingRadiusM = 0.2 });
        var shape = robot.Link("a").Collisions.Single();
        Assert.That(shape.Kind, Is.EqualTo(ShapeKind.MeshBoundingSphere));
        Assert.That(shape.Size.X, Is.EqualTo(0.4).Within(1e-12));
        var over = UrdfParser.Parse(TwoLinks, "r.urdf", UrdfParseOptions.Default with { MeshRadiusOverridesM = new Dictionary<string, double> { ["package://r/a.stl"] = 0.05 } });
        Assert.That(over.Link("a").Collisions.Single().Size.X, Is.EqualTo(0.1).Within(1e-12));
    }

    [TestCase("<robot name='r'><link name='a'/><link name='b'/><joint name='j' type='revolute'><parent link='a'/><child link='b'/><limit lower='x' upper='1' velocity='1' effort='1'/></joint></robot>", "<limit>", "'lower'")]
    [TestCase("<robot name='r'><link name='a'/><link name='b'/><joint name='j' type='screw'><parent link='a'/><child link='b'/></joint></robot>", "<joint name=\"j\">", "'type'")]
    [TestCase("<robot name='r'><link name='a'/><link name='b'/><joint name='j' type='fixed'><parent link='a'/><child link='zz'/></joint></robot>", "<child>", "'link'")]
    [TestCase("<robot name='r'><link name='a'/><link name='b'/><joint name='j' type='revolute'><parent link='a'/><child link='b'/></joint></robot>", "<joint name=\"j\">", "<limit")]
    [TestCase("<robot name='r'><link name='a'><collision><geometry><sphere/></geometry></collision></link></robot>", "<sphere>", "'radius'")]
    [TestCase("<robot name='r'><link name='a'><collision><geometry><box size='1 2'/></geometry></collision></link></robot>", "<box>", "'size'")]
    [TestCase("<robot name='r'><link name='a'/><link name='b'/><joint name='j' type='revolute'><parent link='a'/><child link='b'/><axis xyz='0 0 0'/><limit lower='0' upper='1' velocity='1' effort='1'/></joint></robot>", "<axis>", "'xyz'")]
    [TestCase("<robot name='r'><link name='a'/><link name='b'/><joint name='j' type='revolute'><parent link='a'/><child link='b'/><limit lower='2' upper='1' velocity='1' effort='1'/></joint></robot>", "<limit>", "'lower'")]
    public void Errors_name_the_element_and_attribute(string xml, string element, string attribute)
    {
        var ex = Assert.Throws<UrdfFormatException>(() => UrdfParser.Parse(xml, "bad.urdf"));
        Assert.That(ex!.Message, Does.StartWith("bad.urdf"));
        Assert.That(ex.Message, Does.Contain(element));
        Assert.That(ex.Message, Does.Contain(attribute));
    }

    [TestCase("")]
    [TestCase("<robot")]
    [TestCase("<notrobot name='x'/>")]
    [TestCase("<robot name='x'/>")]
    [TestCase("<!DOCTYPE r [<!ENTITY a 'aaaa'>]><robot name='x'><link name='&a;'/></robot>")]
    [TestCase("<robot name='r'><link name='a'/><link name='b'/></robot>")]
    [TestCase("<robot name='r'><link name='a'/><link name='a'/></robot>")]
    public void Malformed_documents_raise_a_typed_error(string xml) =>
        Assert.Throws<UrdfFormatException>(() => UrdfParser.Parse(xml));

    [Test]
    public void Fuzzed_documents_never_crash_with_an_untyped_error()
    {
        var seed = File.ReadAllText(Apprentice.Testing.RepoPaths.Path("config", "robots", "panda.urdf"));
        Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Int[0, 40], Gen.Char["<>/=\" 0123456789abcdez.e"]).Sample(t =>
        {
            var (at, len, c) = t;
            var mutated = string.Concat(seed.AsSpan(0, at), new string(c, len % 3), seed.AsSpan(Math.Min(seed.Length, at + len)));
            try
            {
                UrdfParser.Parse(mutated);
            }
            catch (UrdfFormatException)
            {
            }
        }, iter: 2000);
    }
}
