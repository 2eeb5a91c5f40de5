using Apprentice.Safety.Geometry;
using Apprentice.Sim.Perturbations;
using Apprentice.Sim.Physics;
using Apprentice.Sim.Scene;
using Apprentice.Sim.Tasks;

namespace Apprentice.Sim;

// Per-chunk perturbations, collisions, clearance and outcome of ReachSimulation.
public sealed partial class ReachSimulation
{
    private void ApplyPerturbations()
    {
        var t = EpisodeTime;
        var items = Perturbations.Items;
        for (; _nextPush < items.Count && items[_nextPush].Start <= t; _nextPush++)
        {
            if (items[_nextPush] is PushPerturbation push)
            {
                for (var i = 0; i < 7; i++)
                {
                    _impulse[i] = push.JointVelocityImpulseRadPerSec[i];
                }

                Push(_impulse);
            }
        }

        // Only an intrusion's start and end move the obstacle, so PlaceObstacle by a caller sticks otherwise.
        var intrusion = Perturbations.ObstacleAt(t, Episode.ObstaclePark);
        if (intrusion != _intrusion)
        {
            PlaceObstacle(intrusion ?? Episode.ObstaclePark);
            _intrusion = intrusion;
        }
    }

    private void Observe()
    {
        var n = Model.GetContacts(_contacts);
        Array.Clear(_inCollision);
        var arm = Scene.IsArmGeom;
        for (var i = 0; i < n; i++)
        {
            var c = _contacts[i];
            var (a, w) = arm[c.Geom1] ? (c.Geom1, c.Geom2) : (c.Geom2, c.Geom1);
            if (!arm[a] || arm[w])
            {
                continue;
            }

            if (w == Scene.ObstacleGeom)
            {
                MinClearanceM = Math.Min(MinClearanceM, c.DistanceM);
            }

            if (c.DistanceM < 0)
            {
                _inCollision[a] = true;
            }
        }

        for (var g = 0; g < _inCollision.Length; g++)
        {
            if (_inCollision[g] && !_wasInCollision[g])
            {
                CollisionCount++;
            }

            _wasInCollision[g] = _inCollision[g];
        }

        Monitor.Update(EpisodeTime, Tcp, Episode.Target);
    }
}
