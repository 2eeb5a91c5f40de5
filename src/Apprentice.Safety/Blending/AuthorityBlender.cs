namespace Apprentice.Safety.Blending;

/// <summary>The blender's state after one tick.</summary>
/// <param name="Alpha">Policy authority used this tick, in [0, 1].</param>
/// <param name="TargetAlpha">Authority the confidence signals ask for.</param>
/// <param name="OodScore">The OOD score used (NaN when not given).</param>
/// <param name="Reasons">Why α is below 1 or moving.</param>
public readonly record struct AuthorityReport(double Alpha, double TargetAlpha, double OodScore, AuthorityReason Reasons);

/// <summary>
/// Policy authority α from confidence signals, rate-limited so it never jumps, and the blend
/// command = α·policy + (1 − α)·planner. A late, invalid or missing inference sets the target to 0; an invalid policy
/// output is never mixed in (the planner's command is used as is). Real-time contract: allocation-free. Not thread-safe.
/// </summary>
public sealed class AuthorityBlender
{
    private readonly AuthorityOptions _options;

    /// <summary>Creates the blender with α starting at <paramref name="initialAlpha"/> (default 0: the planner leads until the policy earns trust).</summary>
    public AuthorityBlender(AuthorityOptions? options = null, double initialAlpha = 0)
    {
        _options = options ?? AuthorityOptions.Default;
        _options.Validate();
        Alpha = Math.Clamp(double.IsNaN(initialAlpha) ? 0 : initialAlpha, 0, _options.MaxAlpha);
    }

    /// <summary>The current authority.</summary>
    public double Alpha { get; private set; }

    /// <summary>Updates α for this tick.</summary>
    /// <param name="period">Time since the previous update (non-positive or non-finite: α may only fall, by one nominal 10 ms step).</param>
    /// <param name="inference">How inference went.</param>
    /// <param name="oodScore">OOD score of the observation (e.g. <see cref="OodScore.MeanSquaredZ"/>); NaN when not computed.</param>
    /// <param name="ensembleSpread">Ensemble disagreement (e.g. <see cref="OodScore.EnsembleSpread"/>); NaN when no ensemble.</param>
    public AuthorityReport Update(TimeSpan period, InferenceStatus inference, double oodScore, double ensembleSpread = double.NaN)
    {
        var reasons = AuthorityReason.None;
        var target = _options.MaxAlpha;
        switch (inference)
        {
            case InferenceStatus.Late:
                (target, reasons) = (0, reasons | AuthorityReason.InferenceLate);
                break;
            case InferenceStatus.Invalid:
                (target, reasons) = (0, reasons | AuthorityReason.InferenceInvalid);
                break;
            case InferenceStatus.Missing:
                (target, reasons) = (0, reasons | AuthorityReason.InferenceMissing);
                break;
        }

        if (double.IsPositiveInfinity(oodScore))
        {
            (target, reasons) = (0, reasons | AuthorityReason.InvalidObservation);
        }
        else if (!double.IsNaN(oodScore))
        {
            var c = AuthorityOptions.Curve(oodScore, _options.OodFull, _options.OodZero);
            target = Math.Min(target, c);
            reasons |= c < 1 ? AuthorityReason.OutOfDistribution : AuthorityReason.None;
        }

        if (!double.IsNaN(ensembleSpread))
        {
            var c = AuthorityOptions.Curve(ensembleSpread, _options.EnsembleFull, _options.EnsembleZero);
            target = Math.Min(target, c);
            reasons |= c < 1 ? AuthorityReason.EnsembleDisagreement : AuthorityReason.None;
        }

        var dt = period.TotalSeconds;
        var valid = dt > 0 && double.IsFinite(dt);
        dt = valid ? Math.Min(dt, 1) : 0.01;
        var rise = valid ? _options.RiseRatePerSec * dt : 0;
        var fall = _options.FallRatePerSec * dt;
        var next = Math.Clamp(target, Alpha - fall, Alpha + rise);
        if (next != target)
        {
            reasons |= AuthorityReason.RateLimited;
        }

        Alpha = Math.Clamp(next, 0, _options.MaxAlpha);
        return new AuthorityReport(Alpha, target, oodScore, reasons);
    }

    /// <summary>
    /// Writes α·policy + (1 − α)·planner into <paramref name="output"/>. When α is 0, or the policy command has the wrong
    /// length or a non-finite value, the planner's command is copied unchanged. Returns the α actually applied.
    /// </summary>
    public static double Blend(double alpha, ReadOnlySpan<double> policy, ReadOnlySpan<double> planner, Span<double> output)
    {
        var a = double.IsNaN(alpha) ? 0 : Math.Clamp(alpha, 0, 1);
        var usable = a > 0 && policy.Length == planner.Length;
        for (var i = 0; usable && i < policy.Length; i++)
        {
            usable = double.IsFinite(policy[i]);
        }

        if (!usable)
        {
            planner.CopyTo(output);
            return 0;
        }

        for (var i = 0; i < planner.Length; i++)
        {
            output[i] = (a * policy[i]) + ((1 - a) * planner[i]);
        }

        return a;
    }
}
