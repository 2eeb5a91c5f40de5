using System.Buffers.Binary;
using System.Text;
using Apprentice.Bag.Storage;

namespace Apprentice.Bag.Tests.Support;

/// <summary>Test data builders: real CDR for std_msgs/String, topics and definitions.</summary>
internal static class Some
{
    public const string StringDefinition = "string data\n";

    /// <summary>XCDR1 little-endian std_msgs/String: encapsulation header, uint32 length incl. NUL, bytes, NUL.</summary>
    public static byte[] StringCdr(string text)
    {
        var chars = Encoding.UTF8.GetBytes(text);
        var bytes = new byte[4 + 4 + chars.Length + 1];
        bytes[1] = 0x01;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(chars.Length + 1));
        chars.CopyTo(bytes, 8);
        return bytes;
    }

    public static string Qos =>
        "- history: 3\n  depth: 0\n  reliability: 1\n  durability: 2\n  deadline:\n    sec: 9223372036\n" +
        "    nsec: 854775807\n  lifespan:\n    sec: 9223372036\n    nsec: 854775807\n  liveliness: 1\n" +
        "  liveliness_lease_duration:\n    sec: 9223372036\n    nsec: 854775807\n  avoid_ros_namespace_conventions: false";

    public static BagTopic StringTopic(string name) => new(name, "std_msgs/msg/String", "cdr", Qos);

    public static BagMessageDefinition StringDef => new("std_msgs/msg/String", "ros2msg", StringDefinition);

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "apprentice-bag-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
