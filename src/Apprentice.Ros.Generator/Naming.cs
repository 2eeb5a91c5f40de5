using System.Text;
using Apprentice.Ros.Idl;

namespace Apprentice.Ros.Generator;

/// <summary>How ROS names become C# names.</summary>
internal static class Naming
{
    /// <summary>The namespace all generated types live under.</summary>
    public const string RootNamespace = "Apprentice.Ros.Msgs";

    /// <summary>Members every generated class has; a field that would collide gets a <c>Value</c> suffix.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "RosTypeName", "DdsTypeName", "Serialize", "Deserialize", "DeserializeInto", "ComputeEndPosition",
        "GetType", "Equals", "ToString", "GetHashCode", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary><c>sensor_msgs</c> → <c>SensorMsgs</c>; <c>field_name_2d</c> → <c>FieldName2d</c>.</summary>
    public static string Pascal(string snake)
    {
        var sb = new StringBuilder(snake.Length);
        var upper = true;
        foreach (var c in snake)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.ToString();
    }

    /// <summary><c>Apprentice.Ros.Msgs.SensorMsgs</c>.</summary>
    public static string Namespace(string package) => RootNamespace + "." + Pascal(package);

    /// <summary>
    /// The C# class of a ROS message: the ROS name, except service halves <c>Name_Request</c> and
    /// <c>Name_Response</c>, which become <c>NameRequest</c>/<c>NameResponse</c>.
    /// </summary>
    public static string ClassName(string rosName) => rosName.Replace("_", string.Empty);

    /// <summary>
    /// The C# class describing a service: <c>NameService</c>, since a package may have a message and a
    /// service of the same name (test_msgs has both <c>msg/BasicTypes</c> and <c>srv/BasicTypes</c>).
    /// </summary>
    public static string ServiceClassName(string rosName) => rosName + "Service";

    /// <summary>Fully qualified C# type (with <c>global::</c>) of a message given as <c>pkg/msg/Name</c>.</summary>
    public static string QualifiedClass(string fullName)
    {
        var parts = fullName.Split('/');
        return "global::" + Namespace(parts[0]) + "." + ClassName(parts[parts.Length - 1]);
    }

    /// <summary>The property for a field, steering clear of the class name, generated members and constants.</summary>
    public static string Property(FieldDefinition field, string className, MessageDefinition message)
    {
        var name = Pascal(field.Name);
        if (name == className || Reserved.Contains(name) || IsConstantName(message, name))
        {
            name += "Value";
        }

        return name;
    }

    /// <summary>DDS type name: <c>pkg::msg::dds_::Name_</c> (services: <c>pkg::srv::dds_::Name_Request_</c>).</summary>
    public static string DdsName(MessageDefinition message) =>
        message.Package + "::" + message.Kind + "::dds_::" + message.Name + "_";

    private static bool IsConstantName(MessageDefinition message, string name)
    {
        foreach (var c in message.Constants)
        {
            if (c.Name == name)
            {
                return true;
            }
        }

        return false;
    }
}
