using System.Globalization;
using Apprentice.Ros.Args;
using Apprentice.Ros.Msgs.RclInterfaces;

namespace Apprentice.Dds.Parameters;

/// <summary>Builds and inspects rcl_interfaces <see cref="ParameterValue"/>s.</summary>
public static class ParameterValues
{
    /// <summary>A bool value.</summary>
    public static ParameterValue Of(bool value) => new() { Type = ParameterType.PARAMETER_BOOL, BoolValue = value };

    /// <summary>An integer value.</summary>
    public static ParameterValue Of(long value) => new() { Type = ParameterType.PARAMETER_INTEGER, IntegerValue = value };

    /// <summary>A double value.</summary>
    public static ParameterValue Of(double value) => new() { Type = ParameterType.PARAMETER_DOUBLE, DoubleValue = value };

    /// <summary>A string value.</summary>
    public static ParameterValue Of(string value) => new() { Type = ParameterType.PARAMETER_STRING, StringValue = value };

    /// <summary>A byte array value.</summary>
    public static ParameterValue Of(byte[] value) => new() { Type = ParameterType.PARAMETER_BYTE_ARRAY, ByteArrayValue = value };

    /// <summary>A bool array value.</summary>
    public static ParameterValue Of(bool[] value) => new() { Type = ParameterType.PARAMETER_BOOL_ARRAY, BoolArrayValue = value };

    /// <summary>An integer array value.</summary>
    public static ParameterValue Of(long[] value) => new() { Type = ParameterType.PARAMETER_INTEGER_ARRAY, IntegerArrayValue = value };

    /// <summary>A double array value.</summary>
    public static ParameterValue Of(double[] value) => new() { Type = ParameterType.PARAMETER_DOUBLE_ARRAY, DoubleArrayValue = value };

    /// <summary>A string array value.</summary>
    public static ParameterValue Of(string[] value) => new() { Type = ParameterType.PARAMETER_STRING_ARRAY, StringArrayValue = value };

    /// <summary>A value parsed from <c>-p name:=value</c> or a params file.</summary>
    public static ParameterValue From(RosParameterValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Value switch
        {
            bool b => Of(b),
            long l => Of(l),
            double d => Of(d),
            string s => Of(s),
            byte[] a => Of((byte[])a.Clone()),
            bool[] a => Of((bool[])a.Clone()),
            long[] a => Of((long[])a.Clone()),
            double[] a => Of((double[])a.Clone()),
            string[] a => Of((string[])a.Clone()),
            _ => new ParameterValue(),
        };
    }

    /// <summary>The type's name as rclcpp prints it (<c>bool</c>, <c>integer</c>, <c>double_array</c>, …).</summary>
    public static string TypeName(byte type) => type switch
    {
        ParameterType.PARAMETER_NOT_SET => "not set",
        ParameterType.PARAMETER_BOOL => "bool",
        ParameterType.PARAMETER_INTEGER => "integer",
        ParameterType.PARAMETER_DOUBLE => "double",
        ParameterType.PARAMETER_STRING => "string",
        ParameterType.PARAMETER_BYTE_ARRAY => "byte_array",
        ParameterType.PARAMETER_BOOL_ARRAY => "bool_array",
        ParameterType.PARAMETER_INTEGER_ARRAY => "integer_array",
        ParameterType.PARAMETER_DOUBLE_ARRAY => "double_array",
        ParameterType.PARAMETER_STRING_ARRAY => "string_array",
        _ => "unknown type " + type.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A deep copy holding only the field its type uses (so stored values never alias a caller's arrays).</summary>
    public static ParameterValue Copy(ParameterValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Type switch
        {
            ParameterType.PARAMETER_BOOL => Of(value.BoolValue),
            ParameterType.PARAMETER_INTEGER => Of(value.IntegerValue),
            ParameterType.PARAMETER_DOUBLE => Of(value.DoubleValue),
            ParameterType.PARAMETER_STRING => Of(value.StringValue ?? string.Empty),
            ParameterType.PARAMETER_BYTE_ARRAY => Of((byte[])value.ByteArrayValue.Clone()),
            ParameterType.PARAMETER_BOOL_ARRAY => Of((bool[])value.BoolArrayValue.Clone()),
            ParameterType.PARAMETER_INTEGER_ARRAY => Of((long[])value.IntegerArrayValue.Clone()),
            ParameterType.PARAMETER_DOUBLE_ARRAY => Of((double[])value.DoubleArrayValue.Clone()),
            ParameterType.PARAMETER_STRING_ARRAY => Of((string[])value.StringArrayValue.Clone()),
            _ => new ParameterValue(),
        };
    }
}
