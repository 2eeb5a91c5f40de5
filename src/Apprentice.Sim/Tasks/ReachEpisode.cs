using Apprentice.Safety.Geometry;

namespace Apprentice.Sim.Tasks;

/// <summary>One seeded reach episode: where the arm starts and where the target is.</summary>
/// <param name="Seed">The run seed.</param>
/// <param name="Index">Episode index within the run.</param>
/// <param name="InitialJointPositions">Start joint positions [rad], panda_joint1..7.</param>
/// <param name="Target">Target position [m] in panda_link0.</param>
/// <param name="ObstaclePark">Obstacle centre when not intruding [m].</param>
public sealed record ReachEpisode(int Seed, int Index, IReadOnlyList<double> InitialJointPositions, Vec3 Target, Vec3 ObstaclePark);
