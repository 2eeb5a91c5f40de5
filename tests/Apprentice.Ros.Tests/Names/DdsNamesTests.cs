using Apprentice.Ros.Names;

namespace Apprentice.Ros.Tests.Names;

public sealed class DdsNamesTests
{
    [Test]
    public void TopicsGetTheRtPrefix()
    {
        Assert.That(DdsNames.Topic("/joint_states"), Is.EqualTo("rt/joint_states"));
        Assert.That(DdsNames.Topic("/a/b"), Is.EqualTo("rt/a/b"));
        Assert.That(DdsNames.Topic("/ros_discovery_info", avoidRosNamespaceConventions: true), Is.EqualTo("/ros_discovery_info"));
    }

    [Test]
    public void ServicesUseRequestAndReplyTopics()
    {
        Assert.That(DdsNames.ServiceRequestTopic("/talker/get_parameters"), Is.EqualTo("rq/talker/get_parametersRequest"));
        Assert.That(DdsNames.ServiceReplyTopic("/talker/get_parameters"), Is.EqualTo("rr/talker/get_parametersReply"));
    }

    [TestCase("rt/joint_states", DdsTopicKind.Topic, "/joint_states")]
    [TestCase("rq/a/bRequest", DdsTopicKind.ServiceRequest, "/a/b")]
    [TestCase("rr/a/bReply", DdsTopicKind.ServiceReply, "/a/b")]
    [TestCase("ros_discovery_info", DdsTopicKind.Other, "ros_discovery_info")]
    [TestCase("DCPSParticipant", DdsTopicKind.Other, "DCPSParticipant")]
    public void ParsesDdsTopicNames(string dds, DdsTopicKind kind, string ros) =>
        Assert.That(DdsNames.ParseTopic(dds), Is.EqualTo((kind, ros)));

    [Test]
    public void ManglingAndParsingAreInverse()
    {
        foreach (var t in new[] { "/x", "/a/b/c", "/_hidden/t" })
        {
            Assert.That(DdsNames.ParseTopic(DdsNames.Topic(t)), Is.EqualTo((DdsTopicKind.Topic, t)));
            Assert.That(DdsNames.ParseTopic(DdsNames.ServiceRequestTopic(t)), Is.EqualTo((DdsTopicKind.ServiceRequest, t)));
            Assert.That(DdsNames.ParseTopic(DdsNames.ServiceReplyTopic(t)), Is.EqualTo((DdsTopicKind.ServiceReply, t)));
        }
    }

    [Test]
    public void MessageTypesUseTheDdsModuleAndTrailingUnderscore()
    {
        Assert.That(DdsNames.MessageType("sensor_msgs/msg/JointState"), Is.EqualTo("sensor_msgs::msg::dds_::JointState_"));
        Assert.That(DdsNames.MessageType("std_msgs/String"), Is.EqualTo("std_msgs::msg::dds_::String_"));
        Assert.That(DdsNames.RosType("sensor_msgs::msg::dds_::JointState_"), Is.EqualTo("sensor_msgs/msg/JointState"));
        Assert.That(DdsNames.RosType("DDS::ParticipantBuiltinTopicData"), Is.Null);
    }

    [Test]
    public void ServiceTypesHaveRequestAndResponseStructs() =>
        Assert.That(DdsNames.ServiceTypes("rcl_interfaces/srv/GetParameters"),
            Is.EqualTo(("rcl_interfaces::srv::dds_::GetParameters_Request_", "rcl_interfaces::srv::dds_::GetParameters_Response_")));

    [TestCase("JointState")]
    [TestCase("a/b/c/d")]
    [TestCase("pkg/msg/")]
    [TestCase("pkg/msg/Bad-Name")]
    public void RejectsMalformedTypes(string type) =>
        Assert.That(() => DdsNames.MessageType(type), Throws.TypeOf<InvalidRosNameException>().With.Message.Contains(type));
}
