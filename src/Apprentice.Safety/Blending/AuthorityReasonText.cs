using System.Text;

namespace Apprentice.Safety.Blending;

/// <summary>Readable text for <see cref="AuthorityReason"/> flags (for the status message; allocates).</summary>
public static class AuthorityReasonText
{
    /// <summary>All set flags, joined with "; " ("policy fully trusted" when none).</summary>
    public static string Describe(AuthorityReason reasons)
    {
        if (reasons == AuthorityReason.None)
        {
            return "policy fully trusted";
        }

        var sb = new StringBuilder();
        foreach (var flag in Enum.GetValues<AuthorityReason>())
        {
            if (flag != AuthorityReason.None && reasons.HasFlag(flag))
            {
                sb.Append(sb.Length > 0 ? "; " : string.Empty).Append(flag switch
                {
                    AuthorityReason.OutOfDistribution => "observation out of the training distribution",
                    AuthorityReason.InferenceLate => "inference missed its deadline",
                    AuthorityReason.InferenceInvalid => "inference output invalid",
                    AuthorityReason.InferenceMissing => "no inference result",
                    AuthorityReason.EnsembleDisagreement => "ensemble members disagree",
                    AuthorityReason.RateLimited => "authority changing at its rate limit",
                    AuthorityReason.InvalidObservation => "observation holds non-finite values",
                    _ => flag.ToString(),
                });
            }
        }

        return sb.ToString();
    }
}
