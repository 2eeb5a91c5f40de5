namespace Apprentice.Ros.Names;

/// <summary>What a DDS topic name stands for in ROS.</summary>
public enum DdsTopicKind
{
    /// <summary>Not a ROS name (no known prefix).</summary>
    Other,
    /// <summary><c>rt/…</c>: a ROS topic.</summary>
    Topic,
    /// <summary><c>rq/…Request</c>: a service's request channel.</summary>
    ServiceRequest,
    /// <summary><c>rr/…Reply</c>: a service's reply channel.</summary>
    ServiceReply,
}

/// <summary>
/// ROS 2 ↔ DDS name mangling as rmw_cyclonedds does it (namespace_prefix.hpp, make_fqtopic,
/// create_type_name). Pure and thread-safe.
/// </summary>
public static class DdsNames
{
    /// <summary>DDS topic for a fully-qualified ROS topic: <c>/a/b</c> → <c>rt/a/b</c> (no prefix when <paramref name="avoidRosNamespaceConventions"/>).</summary>
    public static string Topic(string fullyQualifiedTopic, bool avoidRosNamespaceConventions = false)
    {
        RosNames.ValidateFullTopicName(fullyQualifiedTopic);
        return avoidRosNamespaceConventions ? fullyQualifiedTopic : "rt" + fullyQualifiedTopic;
    }

    /// <summary>DDS topic of a service's requests: <c>/s</c> → <c>rq/sRequest</c>.</summary>
    public static string ServiceRequestTopic(string fullyQualifiedService, bool avoidRosNamespaceConventions = false)
    {
        RosNames.ValidateFullTopicName(fullyQualifiedService);
        return (avoidRosNamespaceConventions ? string.Empty : "rq") + fullyQualifiedService + "Request";
    }

    /// <summary>DDS topic of a service's replies: <c>/s</c> → <c>rr/sReply</c>.</summary>
    public static string ServiceReplyTopic(string fullyQualifiedService, bool avoidRosNamespaceConventions = false)
    {
        RosNames.ValidateFullTopicName(fullyQualifiedService);
        return (avoidRosNamespaceConventions ? string.Empty : "rr") + fullyQualifiedService + "Reply";
    }

    /// <summary>Splits a DDS topic name into its ROS meaning; <see cref="DdsTopicKind.Other"/> with the name unchanged when not ROS.</summary>
    public static (DdsTopicKind Kind, string RosName) ParseTopic(string ddsTopic)
    {
        ArgumentNullException.ThrowIfNull(ddsTopic);
        if (ddsTopic.StartsWith("rt/", StringComparison.Ordinal))
        {
            return (DdsTopicKind.Topic, ddsTopic[2..]);
        }

        if (ddsTopic.StartsWith("rq/", StringComparison.Ordinal) && ddsTopic.EndsWith("Request", StringComparison.Ordinal) && ddsTopic.Length > 10)
        {
            return (DdsTopicKind.ServiceRequest, ddsTopic[2..^7]);
        }

        if (ddsTopic.StartsWith("rr/", StringComparison.Ordinal) && ddsTopic.EndsWith("Reply", StringComparison.Ordinal) && ddsTopic.Length > 8)
        {
            return (DdsTopicKind.ServiceReply, ddsTopic[2..^5]);
        }

        return (DdsTopicKind.Other, ddsTopic);
    }

    /// <summary>DDS type of a message: <c>pkg/msg/T</c> → <c>pkg::msg::dds_::T_</c>.</summary>
    public static string MessageType(string rosType)
    {
        var (pkg, sub, name) = SplitType(rosType, "msg");
        return $"{pkg}::{sub}::dds_::{name}_";
    }

    /// <summary>DDS request and response types of a service: <c>pkg/srv/S</c> → <c>pkg::srv::dds_::S_Request_</c>, <c>…S_Response_</c>.</summary>
    public static (string Request, string Response) ServiceTypes(string rosType)
    {
        var (pkg, sub, name) = SplitType(rosType, "srv");
        return ($"{pkg}::{sub}::dds_::{name}_Request_", $"{pkg}::{sub}::dds_::{name}_Response_");
    }

    /// <summary>ROS type of a DDS type name: <c>pkg::msg::dds_::T_</c> → <c>pkg/msg/T</c>; null when it is not a ROS type.</summary>
    public static string? RosType(string ddsType)
    {
        ArgumentNullException.ThrowIfNull(ddsType);
        var parts = ddsType.Split("::");
        if (parts.Length < 4 || parts[^2] != "dds_" || !parts[^1].EndsWith('_') || parts[^1].Length < 2)
        {
            return null;
        }

        return string.Join('/', parts[..^2]) + "/" + parts[^1][..^1];
    }

    private static (string Package, string Sub, string Name) SplitType(string rosType, string defaultSub)
    {
        ArgumentNullException.ThrowIfNull(rosType);
        var parts = rosType.Split('/');
        var (pkg, sub, name) = parts.Length switch
        {
            3 => (parts[0], parts[1], parts[2]),
            2 => (parts[0], defaultSub, parts[1]),
            _ => (string.Empty, string.Empty, string.Empty),
        };
        if (pkg.Length == 0 || sub.Length == 0 || name.Length == 0 || !IsIdentifier(pkg) || !IsIdentifier(sub) || !IsIdentifier(name))
        {
            throw new InvalidRosNameException($"Invalid ROS interface type '{rosType}': expected 'package/{defaultSub}/Name'.");
        }

        return (pkg, sub, name);
    }

    private static bool IsIdentifier(string s) =>
        !char.IsAsciiDigit(s[0]) && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
