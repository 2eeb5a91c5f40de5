using System.Text.RegularExpressions;

namespace Apprentice.Nodes.Player;

/// <summary>Options of <see cref="BagPlayer"/> (the <c>ros2 bag play</c> options). Immutable; validated once.</summary>
public sealed record PlayerOptions
{
    /// <summary>Real time, play once, all topics, no /clock.</summary>
    public static PlayerOptions Default { get; } = new();

    /// <summary>Playback speed factor (2 = twice as fast); must be positive. Default 1.</summary>
    public double Rate { get; init; } = 1.0;

    /// <summary>Start again from the beginning when the bag ends, until cancelled. Default false.</summary>
    public bool Loop { get; init; }

    /// <summary>Skip this much of the bag (receive time after its first message). Default zero.</summary>
    public TimeSpan StartOffset { get; init; }

    /// <summary>Publish <c>/clock</c> (rosgraph_msgs/Clock, bag time) at this rate in Hz; 0 (default) = no clock.</summary>
    public double ClockHz { get; init; }

    /// <summary>rosbag2's default <c>--clock</c> rate in Hz.</summary>
    public const double DefaultClockHz = 40.0;

    /// <summary>Bag topics to play (names as recorded); null (default) = all.</summary>
    public IReadOnlySet<string>? Topics { get; init; }

    /// <summary>Regular expression of bag topic names not to play; null (default) = none.</summary>
    public string? ExcludeRegex { get; init; }

    /// <summary>Publish a bag topic under another name (exact recorded name → new name). Default none.</summary>
    public IReadOnlyDictionary<string, string> Remaps { get; init; } = new Dictionary<string, string>();

    /// <summary>Start paused (wait for <c>~/resume</c> or <c>~/play_next</c>), as <c>ros2 bag play --start-paused</c>. Default false.</summary>
    public bool StartPaused { get; init; }

    /// <summary>Messages read ahead of playback on a background task; 0 = read inline. Default 1000.</summary>
    public int ReadAheadMessages { get; init; } = 1000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public PlayerOptions Validated()
    {
        if (!(Rate > 0) || double.IsInfinity(Rate))
        {
            throw new ArgumentException($"--rate must be a positive number (got {Rate}).");
        }

        if (StartOffset < TimeSpan.Zero)
        {
            throw new ArgumentException($"--start-offset must not be negative (got {StartOffset.TotalSeconds} s).");
        }

        if (ClockHz < 0 || double.IsNaN(ClockHz) || double.IsInfinity(ClockHz))
        {
            throw new ArgumentException($"--clock rate must be a non-negative number of Hz (got {ClockHz}).");
        }

        if (ReadAheadMessages < 0)
        {
            throw new ArgumentException($"--read-ahead must not be negative (got {ReadAheadMessages}).");
        }

        if (ExcludeRegex is not null)
        {
            try
            {
                _ = new Regex(ExcludeRegex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"--exclude '{ExcludeRegex}' is not a valid regular expression: {e.Message}", e);
            }
        }

        return this;
    }
}
