using Apprentice.Core.Observations;

namespace Apprentice.Core.Tests.Observations;

public sealed class JointOrderTests
{
    [Test]
    public void Duplicate_joint_is_a_configuration_error_naming_the_field_and_joint()
    {
        var ex = Assert.Throws<ConfigurationException>(() => new JointOrder(["a", "b", "a"]));
        Assert.That(ex!.Field, Is.EqualTo("joints.names[2]"));
        Assert.That(ex.Message, Does.Contain("'a'"));
    }

    [Test]
    public void Empty_list_and_blank_names_are_configuration_errors()
    {
        Assert.Throws<ConfigurationException>(() => new JointOrder([]));
        var ex = Assert.Throws<ConfigurationException>(() => new JointOrder(["a", " "]));
        Assert.That(ex!.Field, Is.EqualTo("joints.names[1]"));
    }

    [Test]
    public void Joint_unknown_to_the_robot_is_a_configure_time_error_naming_it_and_the_source()
    {
        var order = new JointOrder(["shoulder", "elbw"]);
        var ex = Assert.Throws<ConfigurationException>(() => order.RequireAllIn(["shoulder", "elbow"], "robot 'arm.urdf'"));
        Assert.That(ex!.Message, Does.Contain("elbw").And.Contain("arm.urdf"));
        Assert.That(ex.Field, Is.EqualTo("joints.names[1]"));
        Assert.DoesNotThrow(() => order.RequireAllIn(["x", "elbw", "shoulder"], "card"));
    }
}
