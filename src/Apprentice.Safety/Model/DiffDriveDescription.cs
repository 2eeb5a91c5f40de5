using Apprentice.Safety.Geometry;
using Apprentice.Safety.Limits;

namespace Apprentice.Safety.Model;

/// <summary>
/// A differential-drive base: geometry, footprint and twist limits. Commands are (linear x m/s, angular z rad/s).
/// Immutable. Bound from the <c>diff_drive.*</c> parameters (see config/robots/turtlebot3_burger_limits.yaml).
/// </summary>
/// <param name="WheelSeparationM">Distance between the wheel contact points (m).</param>
/// <param name="WheelRadiusM">Wheel radius (m).</param>
/// <param name="Footprint">Body outline in the base frame (m).</param>
/// <param name="Linear">Limits of the linear-x axis (m/s, m/s², m/s³); no position limits.</param>
/// <param name="Angular">Limits of the angular-z axis (rad/s, rad/s², rad/s³); no position limits.</param>
/// <param name="BaseFrame">Base frame name (default base_link).</param>
/// <param name="ScanFrame">LiDAR frame name (default base_scan).</param>
public sealed record DiffDriveDescription(
    double WheelSeparationM,
    double WheelRadiusM,
    Polygon2 Footprint,
    JointLimits Linear,
    JointLimits Angular,
    string BaseFrame,
    string ScanFrame)
{
    private const string Prefix = "diff_drive.";

    /// <summary>Limits per command axis: [linear x, angular z].</summary>
    public JointLimits[] AxisLimits => [Linear, Angular];

    /// <summary>Binds <c>diff_drive.*</c> keys from flat parameters (a node prefix before <c>diff_drive.</c> is allowed).</summary>
    /// <exception cref="LimitsConfigException">A required key is missing or a value is malformed.</exception>
    public static DiffDriveDescription FromParameters(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var p = new Dictionary<string, (string Key, string Value)>(StringComparer.Ordinal);
        foreach (var (key, value) in parameters)
        {
            var at = key.StartsWith(Prefix, StringComparison.Ordinal) ? 0 : key.IndexOf("." + Prefix, StringComparison.Ordinal) + 1;
            if (at > 0 || key.StartsWith(Prefix, StringComparison.Ordinal))
            {
                p[key[(at + Prefix.Length)..]] = (key, value);
            }
        }

        double Num(string name, double? fallback)
        {
            if (p.TryGetValue(name, out var kv))
            {
                return ParameterReader.NonNegative(kv.Key, kv.Value);
            }

            return fallback ?? throw new LimitsConfigException($"parameter 'diff_drive.{name}' is required; add it to the robot's limits YAML.");
        }

        JointLimits Axis(string unit) => JointLimits.Unlimited with
        {
            MaxVelocity = Num($"max_{unit}_velocity", null),
            MaxAcceleration = Num($"max_{unit}_acceleration", double.PositiveInfinity),
            MaxDeceleration = Num($"max_{unit}_deceleration", Num($"max_{unit}_acceleration", double.PositiveInfinity)),
            MaxJerk = Num($"max_{unit}_jerk", double.PositiveInfinity),
        };

        Polygon2 footprint;
        var fp = p.TryGetValue("footprint", out var f) ? f : throw new LimitsConfigException("parameter 'diff_drive.footprint' is required: \"[[x1, y1], [x2, y2], [x3, y3], ...]\" in metres.");
        try
        {
            footprint = Polygon2.ParseNav2(fp.Value, fp.Key);
        }
        catch (FormatException ex)
        {
            throw new LimitsConfigException(ex.Message, ex);
        }

        return new DiffDriveDescription(
            Num("wheel_separation", null), Num("wheel_radius", null), footprint, Axis("linear"), Axis("angular"),
            p.TryGetValue("base_frame", out var b) ? b.Value : "base_link",
            p.TryGetValue("scan_frame", out var s) ? s.Value : "base_scan");
    }
}
