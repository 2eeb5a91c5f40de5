namespace Apprentice.Safety.Limits;

/// <summary>What to do when configuration tries to loosen a limit the URDF sets.</summary>
public enum LooseningPolicy
{
    /// <summary>Keep the URDF value and report a warning (default: a stricter robot never fails to start over a typo).</summary>
    IgnoreWithWarning,

    /// <summary>Throw <see cref="LimitsConfigException"/>.</summary>
    Reject,
}
