using Apprentice.Core.Observations;

namespace Apprentice.Nodes.Policy;

/// <summary>The latest-sample boxes a policy card's inputs can be wired to (the policy node's, or the bench's).</summary>
internal interface ICardInputs
{
    /// <summary>Joint-state boxes, one per distinct joint order.</summary>
    IReadOnlyList<JointStateBox> JointBoxes { get; }

    /// <summary>Camera frames, or null.</summary>
    ImageBox? Camera { get; }

    /// <summary>LaserScan LiDAR, or null.</summary>
    LaserScanBox? Scan { get; }

    /// <summary>PointCloud2 LiDAR, or null.</summary>
    PointCloudBox? Cloud { get; }

    /// <summary>Reference vector, or null.</summary>
    ReferenceBox? Reference { get; }
}
