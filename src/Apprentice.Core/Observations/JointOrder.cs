namespace Apprentice.Core.Observations;

/// <summary>
/// The configured joint names, in the order the policy and the command use. Immutable; validated at
/// construction.
/// </summary>
public sealed class JointOrder
{
    private readonly string[] _names;

    /// <summary>Validates <paramref name="names"/> (non-empty, no blanks, no duplicates).</summary>
    /// <param name="names">Joint names in policy order.</param>
    /// <param name="field">The configuration field the names came from, used in error messages.</param>
    /// <exception cref="ConfigurationException">The list is empty, has a blank or a repeated name.</exception>
    public JointOrder(IReadOnlyList<string> names, string field = "joints.names")
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            throw new ConfigurationException(field, "no joint names configured; list the joints in the order the policy expects.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                throw new ConfigurationException(field + "[" + i + "]", "joint name is empty.");
            }

            if (!seen.Add(names[i]))
            {
                throw new ConfigurationException(field + "[" + i + "]", "joint '" + names[i] + "' is listed twice.");
            }
        }

        _names = [.. names];
        Field = field;
    }

    /// <summary>Number of configured joints.</summary>
    public int Count => _names.Length;

    /// <summary>The configuration field the names came from.</summary>
    public string Field { get; }

    /// <summary>The configured names, in order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Name at <paramref name="index"/>.</summary>
    public string this[int index] => _names[index];

    /// <summary>Index of <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => Array.IndexOf(_names, name);

    /// <summary>
    /// Checks that every configured joint exists in a robot description or policy card (configure
    /// time). Extra joints in <paramref name="available"/> are fine.
    /// </summary>
    /// <param name="available">Joint names the other side knows.</param>
    /// <param name="source">What <paramref name="available"/> came from (for example <c>robot URDF 'panda.urdf'</c>).</param>
    /// <exception cref="ConfigurationException">A configured joint is unknown to <paramref name="source"/>.</exception>
    public void RequireAllIn(IReadOnlyCollection<string> available, string source)
    {
        ArgumentNullException.ThrowIfNull(available);
        var set = available as ISet<string> ?? new HashSet<string>(available, StringComparer.Ordinal);
        for (var i = 0; i < _names.Length; i++)
        {
            if (!set.Contains(_names[i]))
            {
                throw new ConfigurationException(
                    Field + "[" + i + "]",
                    "joint '" + _names[i] + "' is not in " + source + " (it has: " + string.Join(", ", available) + "); fix the name or the joint list.");
            }
        }
    }
}
