using Apprentice.Safety.Geometry;
using Apprentice.Safety.Kinematics;
using Apprentice.Safety.Model;
using Apprentice.Safety.Tests.Support;
using CsCheck;
using MathNet.Numerics.LinearAlgebra;

namespace Apprentice.Safety.Tests.Kinematics;

public sealed class KinematicsTests
{
    // Published modified-DH parameters of the Panda (Craig convention), flange 0.107 m, hand rotated −π/4, TCP 0.1034 m.
    private static readonly double[] A = [0, 0, 0, 0.0825, -0.0825, 0, 0.088];
    private static readonly double[] D = [0.333, 0, 0.316, 0, 0.384, 0, 0];
    private static readonly double[] Alpha = [0, -Math.PI / 2, Math.PI / 2, Math.PI / 2, -Math.PI / 2, Math.PI / 2, Math.PI / 2];

    private static Gen<double[]> PandaConfigurations => Gen.Double[0, 1].Array[7].Select(u =>
        u.Select((x, i) => Robots.PandaLimits.Limits[i].MinPosition + (x * (Robots.PandaLimits.Limits[i].MaxPosition - Robots.PandaLimits.Limits[i].MinPosition))).ToArray());

    private static Matrix<double> Dh(double a, double alpha, double d, double theta)
    {
        var (sa, ca) = Math.SinCos(alpha);
        var (st, ct) = Math.SinCos(theta);
        return Matrix<double>.Build.DenseOfArray(new[,]
        {
            { ct, -st, 0, a },
            { st * ca, ct * ca, -sa, -d * sa },
            { st * sa, ct * sa, ca, d * ca },
            { 0, 0, 0, 1 },
        });
    }

    private static Matrix<double> DhTcp(double[] q)
    {
        var t = Matrix<double>.Build.DenseIdentity(4);
        for (var i = 0; i < 7; i++)
        {
            t *= Dh(A[i], Alpha[i], D[i], q[i]);
        }

        t *= Dh(0, 0, 0.107, -Math.PI / 4);
        return t * Dh(0, 0, 0.1034, 0);
    }

    [Test]
    public void Panda_urdf_forward_kinematics_matches_the_published_DH_model()
    {
        var solver = new KinematicsSolver(Robots.PandaChain);
        PandaConfigurations.Sample(q =>
        {
            solver.Update(q);
            var dh = DhTcp(q);
            var p = solver.TipPose;
            Assert.That(p.Translation.X, Is.EqualTo(dh[0, 3]).Within(1e-5));
            Assert.That(p.Translation.Y, Is.EqualTo(dh[1, 3]).Within(1e-5));
            Assert.That(p.Translation.Z, Is.EqualTo(dh[2, 3]).Within(1e-5));
            Assert.That(p.M00, Is.EqualTo(dh[0, 0]).Within(1e-5));
            Assert.That(p.M12, Is.EqualTo(dh[1, 2]).Within(1e-5));
            Assert.That(p.M21, Is.EqualTo(dh[2, 1]).Within(1e-5));
        }, iter: 500, threads: 1);
    }

    [Test]
    public void Ready_pose_puts_the_tcp_in_front_of_the_base_pointing_down()
    {
        var solver = new KinematicsSolver(Robots.PandaChain);
        solver.Update(Robots.PandaReady);
        Assert.That(solver.TipPose.Translation.X, Is.EqualTo(0.307).Within(0.01));
        Assert.That(solver.TipPose.Translation.Y, Is.EqualTo(0).Within(1e-9));
        Assert.That(solver.TipPose.Translation.Z, Is.EqualTo(0.487).Within(0.01));
        Assert.That(solver.TipPose.M22, Is.EqualTo(-1).Within(1e-6), "tool z points down");
    }

    [Test]
    public void Jacobian_matches_numerical_differentiation_of_forward_kinematics()
    {
        var solver = new KinematicsSolver(Robots.PandaChain);
        var jac = new double[42];
        const double h = 1e-6;
        PandaConfigurations.Sample(q =>
        {
            solver.Update(q);
            solver.Jacobian(jac);
            var p0 = solver.TipPose;
            for (var c = 0; c < 7; c++)
            {
                var qh = (double[])q.Clone();
                qh[c] += h;
                solver.Update(qh);
                var p1 = solver.TipPose;
                var dp = (1 / h) * (p1.Translation - p0.Translation);
                var w = (1 / h) * p0.OrientationErrorTo(p1);
                var numeric = new[] { dp.X, dp.Y, dp.Z, w.X, w.Y, w.Z };
                for (var r = 0; r < 6; r++)
                {
                    Assert.That(jac[(r * 7) + c], Is.EqualTo(numeric[r]).Within(1e-4), $"J[{r},{c}]");
                }
            }
        }, iter: 200, threads: 1);
    }

    [Test]
    public void Point_velocity_agrees_with_the_point_jacobian()
    {
        var solver = new KinematicsSolver(Robots.PandaChain);
        var jac = new double[42];
        Gen.Select(PandaConfigurations, Gen.Double[-2, 2].Array[7], Gen.Int[1, 10]).Sample((q, qd, link) =>
        {
            solver.Update(q);
            var p = solver.LinkPose(link).Apply(new Vec3(0.05, 0.02, 0.1));
            solver.PointJacobian(link, p, jac);
            var v = solver.PointVelocity(link, p, qd);
            var vx = Enumerable.Range(0, 7).Sum(c => jac[c] * qd[c]);
            var vz = Enumerable.Range(0, 7).Sum(c => jac[14 + c] * qd[c]);
            Assert.That(v.X, Is.EqualTo(vx).Within(1e-9));
            Assert.That(v.Z, Is.EqualTo(vz).Within(1e-9));
        }, iter: 300, threads: 1);
    }

    [Test]
    public void Damped_least_squares_span_solver_matches_the_MathNet_SVD_solution()
    {
        var solver = new KinematicsSolver(Robots.PandaChain);
        var jac = new double[42];
        var qdot = new double[7];
        Gen.Select(PandaConfigurations, Gen.Double[-1, 1].Array[6], Gen.Double[0.001, 0.5]).Sample((q, twist, lambda) =>
        {
            solver.Update(q);
            solver.Jacobian(jac);
            DampedLeastSquares.Solve(jac, twist, lambda, qdot);
            var reference = DampedLeastSquares.SolveSvd(Matrix<double>.Build.DenseOfRowMajor(6, 7, jac), Vector<double>.Build.DenseOfArray(twist), lambda);
            for (var i = 0; i < 7; i++)
            {
                Assert.That(qdot[i], Is.EqualTo(reference[i]).Within(1e-6 * (1 + Math.Abs(reference[i]))));
            }
        }, iter: 300, threads: 1);
    }

    [Test]
    public void Mimic_joint_follows_its_source_with_multiplier_and_offset()
    {
        const string xml = """
            <robot name="m"><link name="a"/><link name="b"/><link name="c"/>
              <joint name="j1" type="prismatic"><parent link="a"/><child link="b"/><axis xyz="1 0 0"/><limit lower="-1" upper="1" velocity="1" effort="1"/></joint>
              <joint name="j2" type="prismatic"><parent link="b"/><child link="c"/><axis xyz="1 0 0"/><limit lower="-1" upper="1" velocity="1" effort="1"/><mimic joint="j1" multiplier="2" offset="0.1"/></joint>
            </robot>
            """;
        var chain = KinematicChain.Create(UrdfParser.Parse(xml), "a", "c");
        Assert.That(chain.VariableNames, Is.EqualTo(new[] { "j1" }));
        var solver = new KinematicsSolver(chain);
        solver.Update([0.2]);
        Assert.That(solver.TipPose.Translation.X, Is.EqualTo(0.2 + 0.5).Within(1e-12));
        var jac = new double[6];
        solver.Jacobian(jac);
        Assert.That(jac[0], Is.EqualTo(3).Within(1e-12));
    }

    [Test]
    public void Tip_not_below_base_is_rejected_with_a_clear_message()
    {
        var ex = Assert.Throws<ArgumentException>(() => KinematicChain.Create(Robots.Panda, "panda_link3", "panda_link1"));
        Assert.That(ex!.Message, Does.Contain("panda_link1").And.Contain("panda_link3"));
    }
}
