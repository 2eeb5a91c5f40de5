using Apprentice.Safety.Geometry;
using Apprentice.Safety.Model;

namespace Apprentice.Safety.Kinematics;

/// <summary>
/// Forward kinematics, geometric Jacobian and link collision spheres of a <see cref="KinematicChain"/>, in the base
/// frame. Holds preallocated buffers: after construction, <see cref="Update"/> and the queries allocate nothing
/// (real-time safe). Not thread-safe: one instance per control thread.
/// </summary>
public sealed class KinematicsSolver
{
    private readonly ChainJoint[] _joints;
    private readonly Transform3[] _linkFrames;
    private readonly Vec3[] _axisWorld;
    private readonly Vec3[] _originWorld;
    private readonly Sphere[] _spheres;
    private readonly int[] _sphereLink;
    private readonly Sphere[][] _localSpheres;

    /// <summary>Creates the solver and its buffers for <paramref name="chain"/>.</summary>
    public KinematicsSolver(KinematicChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        Chain = chain;
        _joints = [.. chain.Joints];
        _linkFrames = new Transform3[_joints.Length + 1];
        _axisWorld = new Vec3[_joints.Length];
        _originWorld = new Vec3[_joints.Length];
        _localSpheres = [.. chain.LinkSpheres];
        var total = _localSpheres.Sum(s => s.Length);
        _spheres = new Sphere[total];
        _sphereLink = new int[total];
        var k = 0;
        for (var l = 0; l < _localSpheres.Length; l++)
        {
            foreach (var _ in _localSpheres[l])
            {
                _sphereLink[k++] = l;
            }
        }

        Update(new double[chain.Dof]);
    }

    /// <summary>The chain this solver evaluates.</summary>
    public KinematicChain Chain { get; }

    /// <summary>Pose of the tip link in the base frame at the last <see cref="Update"/>.</summary>
    public Transform3 TipPose => _linkFrames[^1];

    /// <summary>Collision spheres in the base frame at the last <see cref="Update"/> (a view of an internal buffer).</summary>
    public ReadOnlySpan<Sphere> Spheres => _spheres;

    /// <summary>For each sphere in <see cref="Spheres"/>, the index of its link in <see cref="KinematicChain.LinkNames"/>.</summary>
    public ReadOnlySpan<int> SphereLinks => _sphereLink;

    /// <summary>Pose of chain link <paramref name="linkIndex"/> in the base frame at the last <see cref="Update"/>.</summary>
    public Transform3 LinkPose(int linkIndex) => _linkFrames[linkIndex];

    /// <summary>Evaluates forward kinematics and sphere positions at joint values <paramref name="q"/> (rad or m). Allocation-free.</summary>
    public void Update(ReadOnlySpan<double> q)
    {
        if (q.Length != Chain.Dof)
        {
            throw new ArgumentException($"expected {Chain.Dof} joint values, got {q.Length}", nameof(q));
        }

        _linkFrames[0] = Transform3.Identity;
        for (var i = 0; i < _joints.Length; i++)
        {
            var j = _joints[i];
            var jointFrame = _linkFrames[i] * j.Origin;
            _axisWorld[i] = jointFrame.Rotate(j.Axis);
            _originWorld[i] = jointFrame.Translation;
            var value = j.VariableIndex >= 0 ? (j.Multiplier * q[j.VariableIndex]) + j.Offset : 0;
            _linkFrames[i + 1] = j.Type == JointType.Fixed ? jointFrame : jointFrame * j.Motion(value);
        }

        var k = 0;
        for (var l = 0; l < _localSpheres.Length; l++)
        {
            foreach (var s in _localSpheres[l])
            {
                _spheres[k++] = new Sphere(_linkFrames[l].Apply(s.Center), s.RadiusM);
            }
        }
    }

    /// <summary>
    /// Geometric Jacobian of the tip origin at the last <see cref="Update"/>: 6×Dof, row-major, rows (vx, vy, vz, ωx, ωy, ωz)
    /// in the base frame. Allocation-free.
    /// </summary>
    public void Jacobian(Span<double> jacobian) => PointJacobian(_joints.Length, TipPose.Translation, jacobian);

    /// <summary>
    /// Jacobian (6×Dof, row-major) of a point <paramref name="point"/> (base frame) rigidly attached to chain link
    /// <paramref name="linkIndex"/>: only joints above that link contribute.
    /// </summary>
    public void PointJacobian(int linkIndex, Vec3 point, Span<double> jacobian)
    {
        var n = Chain.Dof;
        if (jacobian.Length < 6 * n)
        {
            throw new ArgumentException($"the Jacobian buffer needs {6 * n} elements", nameof(jacobian));
        }

        jacobian[..(6 * n)].Clear();
        for (var i = 0; i < linkIndex; i++)
        {
            var j = _joints[i];
            if (j.VariableIndex < 0)
            {
                continue;
            }

            var z = _axisWorld[i];
            var (lin, ang) = j.Type == JointType.Prismatic ? (z, Vec3.Zero) : (Vec3.Cross(z, point - _originWorld[i]), z);
            var c = j.VariableIndex;
            var m = j.Multiplier;
            jacobian[c] += m * lin.X;
            jacobian[n + c] += m * lin.Y;
            jacobian[(2 * n) + c] += m * lin.Z;
            jacobian[(3 * n) + c] += m * ang.X;
            jacobian[(4 * n) + c] += m * ang.Y;
            jacobian[(5 * n) + c] += m * ang.Z;
        }
    }

    /// <summary>
    /// Linear velocity (m/s, base frame) of a point rigidly attached to chain link <paramref name="linkIndex"/> under joint
    /// velocities <paramref name="qdot"/>. Allocation-free.
    /// </summary>
    public Vec3 PointVelocity(int linkIndex, Vec3 point, ReadOnlySpan<double> qdot)
    {
        var v = Vec3.Zero;
        for (var i = 0; i < linkIndex; i++)
        {
            var j = _joints[i];
            if (j.VariableIndex < 0)
            {
                continue;
            }

            var rate = j.Multiplier * qdot[j.VariableIndex];
            var z = _axisWorld[i];
            v += rate * (j.Type == JointType.Prismatic ? z : Vec3.Cross(z, point - _originWorld[i]));
        }

        return v;
    }
}
