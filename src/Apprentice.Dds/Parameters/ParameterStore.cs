using Apprentice.Ros.Args;
using Apprentice.Ros.Msgs.RclInterfaces;

namespace Apprentice.Dds.Parameters;

/// <summary>
/// A node's declared parameters and the rules for changing them (type fixed by the declaration,
/// read-only, ranges), as rclcpp applies them. Pure: no transport; <see cref="ParameterServer"/>
/// exposes it as the ROS parameter services. Thread-safe; <see cref="Changed"/> is raised after the
/// change, outside the lock, on the caller's thread.
/// </summary>
public sealed class ParameterStore
{
    private readonly Lock _gate = new();
    private readonly IReadOnlyDictionary<string, RosParameterValue> _overrides;
    private readonly SortedDictionary<string, (ParameterDeclaration Declaration, ParameterValue Value)> _parameters = new(StringComparer.Ordinal);

    /// <summary>Creates an empty store.</summary>
    /// <param name="overrides">
    /// Values from <c>--ros-args -p</c> and params files for this node (see
    /// <c>RosArguments.ParametersFor</c>); a declaration takes its override instead of its default.
    /// </param>
    public ParameterStore(IReadOnlyDictionary<string, RosParameterValue>? overrides = null) =>
        _overrides = overrides ?? new Dictionary<string, RosParameterValue>();

    /// <summary>Raised after parameters were declared (first list) or changed (second list).</summary>
    public event Action<IReadOnlyList<Parameter>, IReadOnlyList<Parameter>>? Changed;

    /// <summary>Declares a parameter; <paramref name="initial"/>, else the store's override, replaces the default if it fits the rules.</summary>
    /// <exception cref="ArgumentException">Already declared, empty name, unset type, or the initial value breaks the declaration (message says why).</exception>
    public void Declare(ParameterDeclaration declaration, ParameterValue? initial = null)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentException.ThrowIfNullOrWhiteSpace(declaration.Name);
        if (declaration.Default.Type == ParameterType.PARAMETER_NOT_SET)
        {
            throw new ArgumentException($"Parameter '{declaration.Name}' needs a default value with a type.", nameof(declaration));
        }

        initial ??= _overrides.TryGetValue(declaration.Name, out var o) ? ParameterValues.From(o) : null;
        var value = ParameterValues.Copy(initial ?? declaration.Default);
        var problem = ParameterRules.Check(declaration, value, ignoreReadOnly: true);
        if (problem is not null)
        {
            throw new ArgumentException($"Cannot declare parameter '{declaration.Name}': {problem}", nameof(declaration));
        }

        lock (_gate)
        {
            if (!_parameters.TryAdd(declaration.Name, (declaration, value)))
            {
                throw new ArgumentException($"Parameter '{declaration.Name}' is already declared.", nameof(declaration));
            }
        }

        Changed?.Invoke([new Parameter { Name = declaration.Name, Value = ParameterValues.Copy(value) }], []);
    }

    /// <summary>The current value (a copy), or null when not declared.</summary>
    public ParameterValue? Get(string name)
    {
        lock (_gate)
        {
            return _parameters.TryGetValue(name, out var p) ? ParameterValues.Copy(p.Value) : null;
        }
    }

    /// <summary>Values of <paramref name="names"/> in order, or null when any is not declared (rclcpp's service then answers empty).</summary>
    public ParameterValue[]? GetMany(IReadOnlyList<string> names) => Map(names, p => ParameterValues.Copy(p.Value));

    /// <summary>Types of <paramref name="names"/>, or null when any is not declared.</summary>
    public byte[]? Types(IReadOnlyList<string> names) => Map(names, p => p.Value.Type);

    /// <summary>Descriptors of <paramref name="names"/>, or null when any is not declared.</summary>
    public ParameterDescriptor[]? Describe(IReadOnlyList<string> names) => Map(names, p => p.Declaration.ToDescriptor());

    /// <summary>
    /// Names under the prefixes (all when none) down to <paramref name="depth"/> more <c>.</c>-separated
    /// levels (0 = unlimited), and the distinct prefixes of those names, as rclcpp lists them.
    /// </summary>
    public ListParametersResult List(IReadOnlyList<string> prefixes, ulong depth)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        var names = new List<string>();
        var found = new List<string>();
        lock (_gate)
        {
            foreach (var name in _parameters.Keys)
            {
                var all = prefixes.Count == 0 && WithinDepth(name, depth);
                var match = prefixes.Any(p => name == p || (name.StartsWith(p + ".", StringComparison.Ordinal) && WithinDepth(name[p.Length..], depth)));
                if (!all && !match)
                {
                    continue;
                }

                names.Add(name);
                var dot = name.LastIndexOf('.');
                if (dot >= 0 && !found.Contains(name[..dot]))
                {
                    found.Add(name[..dot]);
                }
            }
        }

        return new ListParametersResult { Names = [.. names], Prefixes = [.. found] };
    }

    /// <summary>Sets each parameter on its own; one result per parameter, in order.</summary>
    public SetParametersResult[] Set(IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.Select(p => SetAll([p])).ToArray();
    }

    /// <summary>Sets all parameters or none.</summary>
    public SetParametersResult SetAll(IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var changed = new List<Parameter>();
        lock (_gate)
        {
            foreach (var p in parameters)
            {
                var problem = p?.Value is null ? "the request holds a null parameter"
                    : !_parameters.TryGetValue(p.Name ?? string.Empty, out var entry) ? $"parameter '{p.Name}' is not declared"
                    : ParameterRules.Check(entry.Declaration, p.Value, ignoreReadOnly: false);
                if (problem is not null)
                {
                    return new SetParametersResult { Successful = false, Reason = problem };
                }
            }

            foreach (var p in parameters)
            {
                var value = ParameterValues.Copy(p.Value);
                _parameters[p.Name] = (_parameters[p.Name].Declaration, value);
                changed.Add(new Parameter { Name = p.Name, Value = ParameterValues.Copy(value) });
            }
        }

        if (changed.Count > 0)
        {
            Changed?.Invoke([], changed);
        }

        return new SetParametersResult { Successful = true, Reason = string.Empty };
    }

    private T[]? Map<T>(IReadOnlyList<string> names, Func<(ParameterDeclaration Declaration, ParameterValue Value), T> select)
    {
        ArgumentNullException.ThrowIfNull(names);
        var result = new T[names.Count];
        lock (_gate)
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (!_parameters.TryGetValue(names[i] ?? string.Empty, out var p))
                {
                    return null;
                }

                result[i] = select(p);
            }
        }

        return result;
    }

    private static bool WithinDepth(string name, ulong depth) =>
        depth == ListParametersRequest.DEPTH_RECURSIVE || (ulong)name.Count(c => c == '.') < depth;
}
