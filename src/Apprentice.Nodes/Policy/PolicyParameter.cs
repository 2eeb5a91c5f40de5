using System.Globalization;
using Apprentice.Core;
using Apprentice.Ros.Args;

namespace Apprentice.Nodes.Policy;

/// <summary>One documented parameter of the policy node: name, default (which fixes its type) and description with unit.</summary>
/// <param name="Name">Dotted ROS parameter name, e.g. <c>control.rate_hz</c>.</param>
/// <param name="Default">Default value.</param>
/// <param name="Description">What it sets, with its unit and allowed values.</param>
public sealed record PolicyParameter(string Name, RosParameterValue Default, string Description);

/// <summary>
/// Typed reads of the node's parameters against the documented table: a name missing from the table
/// is a bug (throws), a value of the wrong type or an undocumented key in the input is a
/// <see cref="ConfigurationException"/> naming the parameter. Records what was read (for the test
/// that every documented parameter is bound).
/// </summary>
internal sealed class PolicyParameterReader
{
    private readonly Dictionary<string, PolicyParameter> _table;
    private readonly IReadOnlyDictionary<string, RosParameterValue> _values;

    public PolicyParameterReader(IReadOnlyList<PolicyParameter> table, IReadOnlyDictionary<string, RosParameterValue> values)
    {
        _table = table.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _values = values;
        foreach (var key in values.Keys)
        {
            if (!_table.ContainsKey(key) && key != "use_sim_time" && !key.StartsWith("qos_overrides.", StringComparison.Ordinal))
            {
                throw new ConfigurationException(key, "is not a parameter of the policy node; see config/policy_node.yaml for the documented ones (check the spelling).");
            }
        }
    }

    public HashSet<string> Read { get; } = new(StringComparer.Ordinal);

    public string String(string name) => Value(name) switch
    {
        string s => s,
        var other => throw WrongType(name, "a string", other),
    };

    public bool Bool(string name) => Value(name) switch
    {
        bool b => b,
        var other => throw WrongType(name, "true or false", other),
    };

    public long Integer(string name) => Value(name) switch
    {
        long l => l,
        var other => throw WrongType(name, "an integer", other),
    };

    public double Double(string name) => Value(name) switch
    {
        double d when double.IsFinite(d) => d,
        long l => l,
        var other => throw WrongType(name, "a finite number", other),
    };

    public double NonNegative(string name)
    {
        var v = Double(name);
        return v >= 0 ? v : throw new ConfigurationException(name, "must be ≥ 0 (got " + v.ToString(CultureInfo.InvariantCulture) + ").");
    }

    public double Positive(string name)
    {
        var v = Double(name);
        return v > 0 ? v : throw new ConfigurationException(name, "must be > 0 (got " + v.ToString(CultureInfo.InvariantCulture) + ").");
    }

    public TimeSpan Seconds(string name) => TimeSpan.FromSeconds(Positive(name));

    public string[] Strings(string name) => Value(name) switch
    {
        string[] a => a,
        var other => throw WrongType(name, "a list of strings", other),
    };

    public double[] Doubles(string name, int length)
    {
        var v = Value(name) switch
        {
            double[] a => a,
            long[] a => a.Select(x => (double)x).ToArray(),
            var other => throw WrongType(name, "a list of numbers", other),
        };
        if (v.Length != length || v.Any(x => !double.IsFinite(x)))
        {
            throw new ConfigurationException(name, "needs " + length + " finite numbers (got " + v.Length + ").");
        }

        return v;
    }

    private object? Value(string name)
    {
        if (!_table.TryGetValue(name, out var p))
        {
            throw new InvalidOperationException("parameter '" + name + "' is read but not documented in PolicyParameters.All.");
        }

        Read.Add(name);
        return _values.TryGetValue(name, out var given) ? given.Value : p.Default.Value;
    }

    private static ConfigurationException WrongType(string name, string expected, object? got) =>
        new(name, "must be " + expected + " (got " + (got switch { null => "nothing", Array a => "a list of " + a.Length, _ => "'" + Convert.ToString(got, CultureInfo.InvariantCulture) + "'" }) + ").");
}
