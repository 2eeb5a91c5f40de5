using System.Buffers.Binary;

namespace Apprentice.Core.Observations;

/// <summary>
/// Where x, y and z (FLOAT32, datatype 7) sit in a <c>sensor_msgs/PointCloud2</c> point. Built from
/// the message's field list; a value type, so building it per message allocates nothing.
/// </summary>
public readonly record struct PointCloudLayout(int XOffset, int YOffset, int ZOffset, int PointStep, bool IsBigEndian)
{
    /// <summary>ROS <c>PointField.FLOAT32</c>.</summary>
    public const byte Float32 = 7;

    /// <summary>
    /// Finds x, y, z among the fields; false when one is missing, not FLOAT32 with count 1, or does
    /// not fit in <paramref name="pointStep"/>.
    /// </summary>
    public static bool TryCreate(
        ReadOnlySpan<string> names, ReadOnlySpan<int> offsets, ReadOnlySpan<byte> datatypes, ReadOnlySpan<int> counts,
        int pointStep, bool isBigEndian, out PointCloudLayout layout)
    {
        layout = default;
        if (names.Length != offsets.Length || names.Length != datatypes.Length || names.Length != counts.Length || pointStep <= 0)
        {
            return false;
        }

        int x = -1, y = -1, z = -1;
        for (var i = 0; i < names.Length; i++)
        {
            var ok = datatypes[i] == Float32 && counts[i] >= 1 && offsets[i] >= 0 && offsets[i] + 4 <= pointStep;
            switch (names[i])
            {
                case "x": x = ok ? offsets[i] : -2; break;
                case "y": y = ok ? offsets[i] : -2; break;
                case "z": z = ok ? offsets[i] : -2; break;
                default: break;
            }
        }

        if (x < 0 || y < 0 || z < 0)
        {
            return false;
        }

        layout = new PointCloudLayout(x, y, z, pointStep, isBigEndian);
        return true;
    }

    internal float Read(ReadOnlySpan<byte> point, int offset)
    {
        var bits = IsBigEndian
            ? BinaryPrimitives.ReadInt32BigEndian(point[offset..])
            : BinaryPrimitives.ReadInt32LittleEndian(point[offset..]);
        return BitConverter.Int32BitsToSingle(bits);
    }
}
