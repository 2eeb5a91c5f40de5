using Apprentice.Ros.Msgs.RclInterfaces;

namespace Apprentice.Dds.Parameters;

/// <summary>Whether a value may be given to a declared parameter (type, read-only, range), with rclcpp's reasons.</summary>
internal static class ParameterRules
{
    // rclcpp compares doubles to range ends and steps with this relative tolerance.
    private const double Ulps = 1e-6;

    /// <summary>Null when allowed, else the reason.</summary>
    public static string? Check(ParameterDeclaration declaration, ParameterValue value, bool ignoreReadOnly)
    {
        if (!ignoreReadOnly && declaration.ReadOnly)
        {
            return $"Trying to set a read-only parameter: {declaration.Name}.";
        }

        if (value.Type != declaration.Default.Type)
        {
            return $"Wrong parameter type, parameter {{{declaration.Name}}} is of type {{{ParameterValues.TypeName(declaration.Default.Type)}}}, setting it to {{{ParameterValues.TypeName(value.Type)}}} is not allowed.";
        }

        if (declaration.IntegerRange is { } ir && value.Type == ParameterType.PARAMETER_INTEGER && !InRange(value.IntegerValue, ir))
        {
            return $"Parameter {{{declaration.Name}}} doesn't comply with integer range [{ir.FromValue}, {ir.ToValue}] step {ir.Step}.";
        }

        if (declaration.FloatingPointRange is { } fr && value.Type == ParameterType.PARAMETER_DOUBLE && !InRange(value.DoubleValue, fr))
        {
            return $"Parameter {{{declaration.Name}}} doesn't comply with floating point range [{fr.FromValue}, {fr.ToValue}] step {fr.Step}.";
        }

        return null;
    }

    private static bool InRange(long v, IntegerRange r)
    {
        if (v == r.FromValue || v == r.ToValue)
        {
            return true;
        }

        if (v < r.FromValue || v > r.ToValue)
        {
            return false;
        }

        return r.Step == 0 || (ulong)(v - r.FromValue) % r.Step == 0;
    }

    private static bool InRange(double v, FloatingPointRange r)
    {
        if (double.IsNaN(v))
        {
            return false;
        }

        if (Close(v, r.FromValue) || Close(v, r.ToValue))
        {
            return true;
        }

        if (v < r.FromValue || v > r.ToValue)
        {
            return false;
        }

        if (r.Step == 0)
        {
            return true;
        }

        var steps = (v - r.FromValue) / r.Step;
        return Close(steps, Math.Round(steps));
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= Ulps * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
}
