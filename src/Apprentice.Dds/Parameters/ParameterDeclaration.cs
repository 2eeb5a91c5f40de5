using Apprentice.Ros.Msgs.RclInterfaces;

namespace Apprentice.Dds.Parameters;

/// <summary>
/// A parameter a node declares: its name, default value (which fixes its type), description and
/// constraints, as <c>ros2 param describe</c> shows them. Build values with <see cref="ParameterValues"/>.
/// </summary>
/// <param name="Name">Parameter name; tokens separated by <c>.</c> (e.g. <c>limits.max_velocity_rad_per_sec</c>).</param>
/// <param name="Default">The initial value; its type is the parameter's type.</param>
public sealed record ParameterDeclaration(string Name, ParameterValue Default)
{
    /// <summary>Human-readable description (units included).</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Free-text constraints shown by <c>ros2 param describe</c>.</summary>
    public string AdditionalConstraints { get; init; } = string.Empty;

    /// <summary>True when only the declaration (or a launch override) may set it.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Inclusive range of a double parameter (<c>Step</c> 0 = any value in range).</summary>
    public FloatingPointRange? FloatingPointRange { get; init; }

    /// <summary>Inclusive range of an integer parameter (<c>Step</c> 0 = any value in range).</summary>
    public IntegerRange? IntegerRange { get; init; }

    /// <summary>The declaration as an rcl_interfaces descriptor.</summary>
    public ParameterDescriptor ToDescriptor() => new()
    {
        Name = Name,
        Type = Default.Type,
        Description = Description,
        AdditionalConstraints = AdditionalConstraints,
        ReadOnly = ReadOnly,
        FloatingPointRange = FloatingPointRange is null ? [] : [FloatingPointRange],
        IntegerRange = IntegerRange is null ? [] : [IntegerRange],
    };
}
