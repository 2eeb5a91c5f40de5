namespace Apprentice.Safety.Filter.Rules;

/// <summary>
/// Stale command, stale inputs, lost heartbeat, stale scan (when zones are configured) ⇒ smooth halt. A stamp in the
/// future by more than the timeout also counts as stale (clock mix-up). Pure; allocation-free.
/// </summary>
public static class FreshnessRule
{
    /// <summary>Evaluates the rule.</summary>
    public static RuleResult Evaluate(in SafetyTickInput input, SafetyFilterOptions options, bool zonesConfigured)
    {
        ArgumentNullException.ThrowIfNull(options);
        var status = SafetyStatus.None;
        if (Stale(input.Now, input.CommandStamp, options.CommandTimeout))
        {
            status |= SafetyStatus.StaleCommand;
        }

        if (options.HeartbeatTimeout is { } hb && Stale(input.Now, input.HeartbeatStamp, hb))
        {
            status |= SafetyStatus.HeartbeatLost;
        }

        var timeouts = options.InputTimeouts;
        for (var i = 0; i < timeouts.Count; i++)
        {
            if (i >= input.InputStamps.Length || Stale(input.Now, input.InputStamps[i], timeouts[i]))
            {
                status |= SafetyStatus.StaleInput;
            }
        }

        if (zonesConfigured && Stale(input.Now, input.ScanStamp, options.ScanTimeout))
        {
            status |= SafetyStatus.StaleScan;
        }

        return status == SafetyStatus.None ? RuleResult.Pass : RuleResult.Halt(status);
    }

    /// <summary>True when <paramref name="stamp"/> is missing or further than <paramref name="timeout"/> from <paramref name="now"/>.</summary>
    public static bool Stale(TimeSpan now, TimeSpan stamp, TimeSpan timeout)
    {
        // In doubles: TimeSpan subtraction throws on overflow, and a wild stamp must not crash the tick.
        var age = (double)now.Ticks - stamp.Ticks;
        return stamp == TimeSpan.MinValue || Math.Abs(age) > timeout.Ticks;
    }
}
