using Apprentice.Ros.Args;

namespace Apprentice.Nodes.Parameters;

/// <summary>One ROS parameter of a node and the option it sets.</summary>
/// <typeparam name="T">The node's options record.</typeparam>
/// <param name="Name">Parameter name as in the YAML file and <c>-p name:=value</c>.</param>
/// <param name="Option">The options member it sets, as a dotted path (<c>Writer.MaxFileSizeBytes</c>); used by tests to check coverage.</param>
/// <param name="Apply">Returns the options with the parameter applied; throws <see cref="RosArgumentException"/> for a wrong type or value.</param>
public sealed record ParameterBinding<T>(string Name, string Option, Func<T, RosParameterValue, T> Apply);

/// <summary>
/// Binds a node's ROS parameters (from <c>--params-file</c> and <c>-p</c>, see
/// <see cref="RosArguments.ParametersFor"/>) onto its immutable options record. Unknown parameters
/// are an error naming the parameter and the known ones, so a typo in a YAML file is not silently
/// ignored; ROS's own per-node parameters (<c>use_sim_time</c>, <c>qos_overrides.*</c>) are accepted
/// and left to the transport. Pure; thread-safe.
/// </summary>
/// <typeparam name="T">The options record.</typeparam>
public sealed class ParameterBinder<T>
{
    private readonly Dictionary<string, ParameterBinding<T>> _bindings;

    /// <summary>Creates a binder for node <paramref name="nodeName"/> (for error messages).</summary>
    public ParameterBinder(string nodeName, IEnumerable<ParameterBinding<T>> bindings)
    {
        NodeName = nodeName;
        _bindings = bindings.ToDictionary(b => b.Name, StringComparer.Ordinal);
    }

    /// <summary>The node the parameters belong to.</summary>
    public string NodeName { get; }

    /// <summary>Every parameter this node understands.</summary>
    public IReadOnlyCollection<ParameterBinding<T>> Bindings => _bindings.Values;

    /// <summary>True for parameters every ROS node has, which the binder accepts and ignores.</summary>
    public static bool IsStandardRosParameter(string name) =>
        name is "use_sim_time" or "start_type_description_service" || name.StartsWith("qos_overrides.", StringComparison.Ordinal);

    /// <summary>Applies <paramref name="parameters"/> to <paramref name="options"/> in name order.</summary>
    /// <exception cref="RosArgumentException">An unknown parameter, or a value of the wrong type or range.</exception>
    public T Bind(T options, IReadOnlyDictionary<string, RosParameterValue> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var (name, value) in parameters.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (_bindings.TryGetValue(name, out var binding))
            {
                options = binding.Apply(options, value);
            }
            else if (!IsStandardRosParameter(name))
            {
                throw new RosArgumentException(
                    $"Node '{NodeName}' has no parameter '{name}'. Known: {string.Join(", ", _bindings.Keys.Order(StringComparer.Ordinal))}.");
            }
        }

        return options;
    }
}

/// <summary>Typed reads of <see cref="RosParameterValue"/> with errors that name the parameter.</summary>
public static class ParameterValues
{
    /// <summary>A bool.</summary>
    public static bool Bool(this RosParameterValue value, string name) =>
        value is { Type: RosParameterType.Bool, Value: bool b } ? b : throw Wrong(value, name, "a bool (true/false)");

    /// <summary>An integer.</summary>
    public static long Integer(this RosParameterValue value, string name) =>
        value is { Type: RosParameterType.Integer, Value: long l } ? l : throw Wrong(value, name, "an integer");

    /// <summary>A double (integers accepted, as rclcpp does not, but a YAML author writes <c>1</c> for 1.0).</summary>
    public static double Double(this RosParameterValue value, string name) => value switch
    {
        { Type: RosParameterType.Double, Value: double d } => d,
        { Type: RosParameterType.Integer, Value: long l } => l,
        _ => throw Wrong(value, name, "a number"),
    };

    /// <summary>A duration given in seconds.</summary>
    public static TimeSpan Seconds(this RosParameterValue value, string name)
    {
        var s = value.Double(name);
        return double.IsFinite(s) && Math.Abs(s) < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(s)
            : throw new RosArgumentException($"Parameter '{name}': {s} is not a usable number of seconds.");
    }

    /// <summary>A string.</summary>
    public static string String(this RosParameterValue value, string name) =>
        value is { Type: RosParameterType.String, Value: string s } ? s : throw Wrong(value, name, "a string");

    /// <summary>A list of strings (an empty list of any type is accepted).</summary>
    public static string[] Strings(this RosParameterValue value, string name) => value switch
    {
        { Type: RosParameterType.StringArray, Value: string[] a } => a,
        { Value: Array { Length: 0 } } => [],
        _ => throw Wrong(value, name, "a list of strings"),
    };

    private static RosArgumentException Wrong(RosParameterValue value, string name, string expected) =>
        new($"Parameter '{name}' must be {expected}; got {value.Type} '{value}'.");
}
