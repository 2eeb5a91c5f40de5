namespace Apprentice.Safety.Geometry;

/// <summary>
/// A rigid transform: rotation matrix R (row-major, R[row, col] = M{row}{col}) and translation T, mapping a
/// point p of the child frame to R·p + T in the parent frame. Immutable value type; thread-safe.
/// </summary>
public readonly record struct Transform3(
    double M00, double M01, double M02,
    double M10, double M11, double M12,
    double M20, double M21, double M22,
    Vec3 Translation)
{
    /// <summary>The identity transform.</summary>
    public static Transform3 Identity { get; } = new(1, 0, 0, 0, 1, 0, 0, 0, 1, Vec3.Zero);

    /// <summary>Builds the URDF origin transform: translation xyz, then fixed-axis roll-pitch-yaw (R = Rz(y)·Ry(p)·Rx(r)).</summary>
    public static Transform3 FromXyzRpy(Vec3 xyz, Vec3 rpy)
    {
        var (sr, cr) = Math.SinCos(rpy.X);
        var (sp, cp) = Math.SinCos(rpy.Y);
        var (sy, cy) = Math.SinCos(rpy.Z);
        return new Transform3(
            cy * cp, (cy * sp * sr) - (sy * cr), (cy * sp * cr) + (sy * sr),
            sy * cp, (sy * sp * sr) + (cy * cr), (sy * sp * cr) - (cy * sr),
            -sp, cp * sr, cp * cr,
            xyz);
    }

    /// <summary>Rotation by <paramref name="angleRad"/> about the unit <paramref name="axis"/> (Rodrigues) with zero translation.</summary>
    public static Transform3 FromAxisAngle(Vec3 axis, double angleRad)
    {
        var (s, c) = Math.SinCos(angleRad);
        var t = 1 - c;
        var (x, y, z) = (axis.X, axis.Y, axis.Z);
        return new Transform3(
            (t * x * x) + c, (t * x * y) - (s * z), (t * x * z) + (s * y),
            (t * x * y) + (s * z), (t * y * y) + c, (t * y * z) - (s * x),
            (t * x * z) - (s * y), (t * y * z) + (s * x), (t * z * z) + c,
            Vec3.Zero);
    }

    /// <summary>Pure translation.</summary>
    public static Transform3 FromTranslation(Vec3 t) => Identity with { Translation = t };

    /// <summary>Composition: (a·b)(p) = a(b(p)).</summary>
    public static Transform3 operator *(Transform3 a, Transform3 b) => new(
        (a.M00 * b.M00) + (a.M01 * b.M10) + (a.M02 * b.M20),
        (a.M00 * b.M01) + (a.M01 * b.M11) + (a.M02 * b.M21),
        (a.M00 * b.M02) + (a.M01 * b.M12) + (a.M02 * b.M22),
        (a.M10 * b.M00) + (a.M11 * b.M10) + (a.M12 * b.M20),
        (a.M10 * b.M01) + (a.M11 * b.M11) + (a.M12 * b.M21),
        (a.M10 * b.M02) + (a.M11 * b.M12) + (a.M12 * b.M22),
        (a.M20 * b.M00) + (a.M21 * b.M10) + (a.M22 * b.M20),
        (a.M20 * b.M01) + (a.M21 * b.M11) + (a.M22 * b.M21),
        (a.M20 * b.M02) + (a.M21 * b.M12) + (a.M22 * b.M22),
        a.Apply(b.Translation));

    /// <summary>Maps a point of the child frame into the parent frame.</summary>
    public Vec3 Apply(Vec3 p) => Rotate(p) + Translation;

    /// <summary>Rotates a direction (no translation).</summary>
    public Vec3 Rotate(Vec3 d) => new(
        (M00 * d.X) + (M01 * d.Y) + (M02 * d.Z),
        (M10 * d.X) + (M11 * d.Y) + (M12 * d.Z),
        (M20 * d.X) + (M21 * d.Y) + (M22 * d.Z));

    /// <summary>The inverse rigid transform.</summary>
    public Transform3 Inverse()
    {
        var rt = new Transform3(M00, M10, M20, M01, M11, M21, M02, M12, M22, Vec3.Zero);
        return rt with { Translation = -rt.Rotate(Translation) };
    }

    /// <summary>
    /// Rotation error vector (axis·angle, radians) that rotates this orientation onto <paramref name="target"/>,
    /// expressed in the parent frame: log(R_target·Rᵀ). Used by resolved-rate control.
    /// </summary>
    public Vec3 OrientationErrorTo(Transform3 target)
    {
        var rt = new Transform3(M00, M10, M20, M01, M11, M21, M02, M12, M22, Vec3.Zero);
        var e = target with { Translation = Vec3.Zero } * rt;
        var cos = Math.Clamp((e.M00 + e.M11 + e.M22 - 1) / 2, -1, 1);
        var angle = Math.Acos(cos);
        var v = new Vec3(e.M21 - e.M12, e.M02 - e.M20, e.M10 - e.M01);
        var s = Math.Sin(angle);
        if (s > 1e-6)
        {
            return (angle / (2 * s)) * v;
        }

        if (cos > 0)
        {
            return 0.5 * v;
        }

        // Near π: the axis comes from the diagonal of R + I.
        var axis = new Vec3(
            Math.Sqrt(Math.Max(0, (e.M00 + 1) / 2)),
            Math.Sqrt(Math.Max(0, (e.M11 + 1) / 2)) * (e.M01 + e.M10 >= 0 ? 1 : -1),
            Math.Sqrt(Math.Max(0, (e.M22 + 1) / 2)) * (e.M02 + e.M20 >= 0 ? 1 : -1));
        return angle * axis.Normalized();
    }
}
