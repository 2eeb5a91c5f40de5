namespace Apprentice.Ros.Idl;

/// <summary>A parsed ROS 2 service (<c>.srv</c>): request and response messages. Immutable; thread-safe.</summary>
public sealed class ServiceDefinition
{
    /// <summary>Creates a service definition.</summary>
    public ServiceDefinition(string package, string name, MessageDefinition request, MessageDefinition response, string text)
    {
        Package = package ?? throw new ArgumentNullException(nameof(package));
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Request = request ?? throw new ArgumentNullException(nameof(request));
        Response = response ?? throw new ArgumentNullException(nameof(response));
        Text = text ?? throw new ArgumentNullException(nameof(text));
        FullName = package + "/srv/" + name;
    }

    /// <summary>Package name.</summary>
    public string Package { get; }

    /// <summary>Service name (<c>AddTwoInts</c>).</summary>
    public string Name { get; }

    /// <summary><c>pkg/srv/Name</c>.</summary>
    public string FullName { get; }

    /// <summary>The request message, named <c>pkg/srv/Name_Request</c>.</summary>
    public MessageDefinition Request { get; }

    /// <summary>The response message, named <c>pkg/srv/Name_Response</c>.</summary>
    public MessageDefinition Response { get; }

    /// <summary>The whole <c>.srv</c> source text.</summary>
    public string Text { get; }

    /// <summary>
    /// The service-event message ROS 2 (Iron and later) publishes on <c>&lt;service&gt;/_service_event</c>
    /// and rosbag2 records: <c>service_msgs/ServiceEventInfo info</c>, <c>Name_Request[&lt;=1] request</c>,
    /// <c>Name_Response[&lt;=1] response</c>, named <c>pkg/srv/Name_Event</c>.
    /// </summary>
    public MessageDefinition CreateEventMessage()
    {
        var fields = new[]
        {
            new FieldDefinition("info", FieldType.OfMessage("service_msgs/msg/ServiceEventInfo")),
            new FieldDefinition("request", new FieldType(PrimitiveKind.Message, Request.FullName, null, ArrayKind.Bounded, 1)),
            new FieldDefinition("response", new FieldType(PrimitiveKind.Message, Response.FullName, null, ArrayKind.Bounded, 1)),
        };
        var text = "service_msgs/ServiceEventInfo info\n" + Name + "_Request[<=1] request\n" + Name + "_Response[<=1] response\n";
        return new MessageDefinition(Package, "srv", Name + "_Event", fields, Array.Empty<ConstantDefinition>(), text);
    }

    /// <inheritdoc/>
    public override string ToString() => FullName;
}
