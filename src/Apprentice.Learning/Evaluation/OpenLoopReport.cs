namespace Apprentice.Learning.Evaluation;

/// <summary>Open-loop action error of a policy against recorded expert actions, per joint.</summary>
public sealed record OpenLoopReport
{
    /// <summary>Joints in action order.</summary>
    public required IReadOnlyList<string> JointNames { get; init; }

    /// <summary>Mean absolute error per joint [action units].</summary>
    public required IReadOnlyList<double> Mae { get; init; }

    /// <summary>Root-mean-square error per joint [action units].</summary>
    public required IReadOnlyList<double> Rmse { get; init; }

    /// <summary>Standard deviation of the expert actions per joint (a scale for the errors).</summary>
    public required IReadOnlyList<double> ExpertStd { get; init; }

    /// <summary>Samples compared.</summary>
    public required long Samples { get; init; }

    /// <summary>Episodes compared.</summary>
    public required int Episodes { get; init; }

    /// <summary>Mean of the per-joint MAE.</summary>
    public double MeanMae => Mae.Average();

    /// <summary>Root of the mean squared error over all joints.</summary>
    public double OverallRmse => Math.Sqrt(Rmse.Average(r => r * r));
}
