using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Apprentice.Ros.Args;

/// <summary>The ROS 2 parameter types (rcl_interfaces/msg/ParameterType values).</summary>
public enum RosParameterType
{
    /// <summary>Not set.</summary>
    NotSet = 0,
    /// <summary><c>bool</c>.</summary>
    Bool = 1,
    /// <summary><c>int64</c>.</summary>
    Integer = 2,
    /// <summary><c>float64</c>.</summary>
    Double = 3,
    /// <summary><c>string</c>.</summary>
    String = 4,
    /// <summary><c>byte[]</c>.</summary>
    ByteArray = 5,
    /// <summary><c>bool[]</c>.</summary>
    BoolArray = 6,
    /// <summary><c>int64[]</c>.</summary>
    IntegerArray = 7,
    /// <summary><c>float64[]</c>.</summary>
    DoubleArray = 8,
    /// <summary><c>string[]</c>.</summary>
    StringArray = 9,
}

/// <summary>
/// A typed parameter value. <see cref="Value"/> is <c>bool</c>, <c>long</c>, <c>double</c>,
/// <c>string</c>, or an array of those (<c>bool[]</c>, <c>long[]</c>, <c>double[]</c>, <c>string[]</c>).
/// </summary>
public sealed record RosParameterValue(RosParameterType Type, object? Value)
{
    /// <summary>Types a YAML value the way rcl's parameter parser does (plain scalars inferred, quoted ones are strings).</summary>
    /// <param name="yaml">The value text, e.g. <c>3</c>, <c>2.5</c>, <c>true</c>, <c>'3'</c>, <c>[1, 2]</c>.</param>
    /// <param name="what">What is being parsed, for the error message.</param>
    /// <exception cref="RosArgumentException">Not valid YAML, a mapping, or a mixed-type array.</exception>
    public static RosParameterValue ParseYaml(string yaml, string what)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        YamlNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0)
            {
                return new RosParameterValue(RosParameterType.String, string.Empty);
            }

            root = stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            throw new RosArgumentException($"{what}: '{yaml}' is not a valid YAML value ({e.Message}).", e);
        }

        return FromNode(root, what);
    }

    /// <summary>Types an already-parsed YAML node (used for parameter files).</summary>
    internal static RosParameterValue FromNode(YamlNode node, string what) => node switch
    {
        YamlScalarNode s => Scalar(s),
        YamlSequenceNode seq => Array(seq, what),
        _ => throw new RosArgumentException($"{what}: a parameter value must be a scalar or a list, not a mapping."),
    };

    private static RosParameterValue Scalar(YamlScalarNode s)
    {
        var text = s.Value ?? string.Empty;
        if (s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return new(RosParameterType.String, text);
        }

        if (TryBool(text, out var b))
        {
            return new(RosParameterType.Bool, b);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return new(RosParameterType.Integer, l);
        }

        if (TryDouble(text, out var d))
        {
            return new(RosParameterType.Double, d);
        }

        return new(RosParameterType.String, text);
    }

    private static RosParameterValue Array(YamlSequenceNode seq, string what)
    {
        var items = seq.Children.Select(c => c is YamlScalarNode s ? Scalar(s) : throw new RosArgumentException($"{what}: list items must be scalars.")).ToList();
        if (items.Count == 0)
        {
            return new(RosParameterType.StringArray, System.Array.Empty<string>());
        }

        var kinds = items.Select(i => i.Type).Distinct().ToList();
        if (kinds.Count == 2 && kinds.Contains(RosParameterType.Integer) && kinds.Contains(RosParameterType.Double))
        {
            throw new RosArgumentException($"{what}: list mixes integers and doubles; write every item as a double (e.g. 1.0).");
        }

        if (kinds.Count != 1)
        {
            throw new RosArgumentException($"{what}: all items of a parameter list must have the same type (found {string.Join(", ", kinds)}).");
        }

        return kinds[0] switch
        {
            RosParameterType.Bool => new(RosParameterType.BoolArray, items.Select(i => (bool)i.Value!).ToArray()),
            RosParameterType.Integer => new(RosParameterType.IntegerArray, items.Select(i => (long)i.Value!).ToArray()),
            RosParameterType.Double => new(RosParameterType.DoubleArray, items.Select(i => (double)i.Value!).ToArray()),
            _ => new(RosParameterType.StringArray, items.Select(i => (string)i.Value!).ToArray()),
        };
    }

    private static bool TryBool(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON":
                value = true;
                return true;
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static bool TryDouble(string text, out double value)
    {
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsInfinity(value);
    }

    /// <summary>The value as ROS tools print it.</summary>
    public override string ToString() => Value switch
    {
        null => "not set",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e and not string => "[" + string.Join(", ", e.Cast<object>().Select(o => Convert.ToString(o, CultureInfo.InvariantCulture))) + "]",
        _ => Convert.ToString(Value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
