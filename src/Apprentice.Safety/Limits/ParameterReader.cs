using System.Globalization;

namespace Apprentice.Safety.Limits;

/// <summary>Typed access to flat ROS parameters ("a.b.c" → scalar text), with errors that name the key.</summary>
internal static class ParameterReader
{
    public static double Number(string key, string raw)
    {
        if (!double.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || double.IsNaN(v))
        {
            throw new LimitsConfigException($"parameter '{key}': '{raw}' is not a number; write a decimal such as 2.175.");
        }

        return v;
    }

    public static double NonNegative(string key, string raw)
    {
        var v = Number(key, raw);
        return v < 0 ? throw new LimitsConfigException($"parameter '{key}': {raw} is negative; limits are magnitudes, write a value ≥ 0.") : v;
    }

    public static bool Bool(string key, string raw) => raw.Trim().ToUpperInvariant() switch
    {
        "TRUE" => true,
        "FALSE" => false,
        _ => throw new LimitsConfigException($"parameter '{key}': '{raw}' is not a boolean; write true or false."),
    };
}
