namespace Apprentice.Nodes.Bench;

/// <summary>The two reference policies of <c>apprentice bench control-loop</c>.</summary>
public enum BenchScenario
{
    /// <summary>7 joint positions + 64 LiDAR bins (from a 1080-point scan) → 7 joints, 500 Hz.</summary>
    Mlp,

    /// <summary>96×96 RGB camera + 7 joint positions → a 20-step chunk of 7 joints, 30 Hz.</summary>
    Cnn,
}
