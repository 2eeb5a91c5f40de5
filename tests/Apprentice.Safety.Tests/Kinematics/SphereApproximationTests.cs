using Apprentice.Safety.Geometry;
using Apprentice.Safety.Kinematics;
using Apprentice.Safety.Model;
using CsCheck;

namespace Apprentice.Safety.Tests.Kinematics;

public sealed class SphereApproximationTests
{
    [Test]
    public void Spheres_cover_every_point_of_boxes_and_cylinders()
    {
        Gen.Select(Gen.Double[0.01, 1].Array[3], Gen.Double[-1, 1].Array[3], Gen.Bool, Gen.Double[-3, 3].Array[3]).Sample((size, u, cylinder, rpy) =>
        {
            var origin = Transform3.FromXyzRpy(new Vec3(0.1, -0.2, 0.3), new Vec3(rpy[0], rpy[1], rpy[2]));
            var shape = cylinder
                ? new CollisionShape(ShapeKind.Cylinder, origin, new Vec3(size[0], 0, size[2]), null)
                : new CollisionShape(ShapeKind.Box, origin, new Vec3(size[0], size[1], size[2]), null);
            var local = cylinder
                ? new Vec3(size[0] * u[0] * Math.Sqrt(0.5), size[0] * u[1] * Math.Sqrt(0.5), 0.5 * size[2] * u[2])
                : new Vec3(0.5 * size[0] * u[0], 0.5 * size[1] * u[1], 0.5 * size[2] * u[2]);
            var point = origin.Apply(local);
            var spheres = new List<Sphere>();
            SphereApproximation.Cover(shape, spheres);
            Assert.That(spheres, Has.Count.InRange(1, SphereApproximation.MaxSpheresPerShape));
            Assert.That(spheres.Min(s => (point - s.Center).Length - s.RadiusM), Is.LessThanOrEqualTo(1e-9));
        }, iter: 3000);
    }
}
