using Apprentice.Nodes.Parameters;
using Apprentice.Ros.Args;

namespace Apprentice.Nodes.Player;

/// <summary>
/// The player node's ROS parameters (documented with units and defaults in <c>config/player.yaml</c>)
/// and how each sets <see cref="PlayerOptions"/>. The bag itself is the executable's argument.
/// </summary>
public static class PlayerParameters
{
    /// <summary>The player's default node name (spec: <c>player</c>).</summary>
    public const string NodeName = "player";

    /// <summary>The binder of every player parameter.</summary>
    public static ParameterBinder<PlayerOptions> Binder { get; } = new(NodeName,
    [
        new("rate", nameof(PlayerOptions.Rate), (o, v) => o with { Rate = v.Double("rate") }),
        new("loop", nameof(PlayerOptions.Loop), (o, v) => o with { Loop = v.Bool("loop") }),
        new("start_offset", nameof(PlayerOptions.StartOffset), (o, v) => o with { StartOffset = v.Seconds("start_offset") }),
        new("clock", nameof(PlayerOptions.ClockHz), (o, v) => o with { ClockHz = v.Double("clock") }),
        new("topics", nameof(PlayerOptions.Topics), (o, v) => o with { Topics = v.Strings("topics") is { Length: > 0 } t ? t.ToHashSet(StringComparer.Ordinal) : null }),
        new("exclude_regex", nameof(PlayerOptions.ExcludeRegex), (o, v) => o with { ExcludeRegex = v.String("exclude_regex") is { Length: > 0 } x ? x : null }),
        new("remaps", nameof(PlayerOptions.Remaps), (o, v) => o with { Remaps = ParseRemaps(v.Strings("remaps")) }),
        new("start_paused", nameof(PlayerOptions.StartPaused), (o, v) => o with { StartPaused = v.Bool("start_paused") }),
        new("read_ahead", nameof(PlayerOptions.ReadAheadMessages), (o, v) => o with { ReadAheadMessages = checked((int)v.Integer("read_ahead")) }),
    ]);

    /// <summary>Options members deliberately without a parameter, with the reason (the coverage test reads this).</summary>
    public static IReadOnlyDictionary<string, string> NotParameters { get; } = new Dictionary<string, string>();

    /// <summary>Parses <c>from:=to</c> pairs.</summary>
    /// <exception cref="RosArgumentException">A pair lacks <c>:=</c>.</exception>
    public static Dictionary<string, string> ParseRemaps(IEnumerable<string> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in pairs)
        {
            var cut = p.IndexOf(":=", StringComparison.Ordinal);
            if (cut <= 0 || cut + 2 >= p.Length)
            {
                throw new RosArgumentException($"remap '{p}' must look like /from:=/to.");
            }

            map[p[..cut]] = p[(cut + 2)..];
        }

        return map;
    }
}
