using MathNet.Numerics.LinearAlgebra;

namespace Apprentice.Safety.Kinematics;

/// <summary>
/// Damped-least-squares inverse of a 6×n Jacobian: q̇ = Jᵀ(J·Jᵀ + λ²I)⁻¹·v. The span overload works on the stack and is
/// allocation-free (real-time safe); thread-safe.
/// </summary>
public static class DampedLeastSquares
{
    /// <summary>Solves for joint velocities.</summary>
    /// <param name="jacobian">6×n row-major Jacobian.</param>
    /// <param name="twist">Desired twist (vx, vy, vz, ωx, ωy, ωz), m/s and rad/s.</param>
    /// <param name="dampingLambda">Damping λ (≥ 0; positive keeps the solve bounded near singularities).</param>
    /// <param name="qdot">Output joint velocities (length n).</param>
    public static void Solve(ReadOnlySpan<double> jacobian, ReadOnlySpan<double> twist, double dampingLambda, Span<double> qdot)
    {
        var n = qdot.Length;
        if (jacobian.Length < 6 * n || twist.Length < 6)
        {
            throw new ArgumentException("the Jacobian must be 6×n and the twist of length 6");
        }

        Span<double> a = stackalloc double[36];
        Span<double> y = stackalloc double[6];
        var l2 = dampingLambda * dampingLambda;
        for (var r = 0; r < 6; r++)
        {
            for (var c = 0; c <= r; c++)
            {
                var sum = 0.0;
                for (var k = 0; k < n; k++)
                {
                    sum += jacobian[(r * n) + k] * jacobian[(c * n) + k];
                }

                a[(r * 6) + c] = sum + (r == c ? l2 : 0);
            }
        }

        // Cholesky A = L·Lᵀ in the lower triangle; a tiny floor keeps a singular undamped system finite.
        for (var j = 0; j < 6; j++)
        {
            var d = a[(j * 6) + j];
            for (var k = 0; k < j; k++)
            {
                d -= a[(j * 6) + k] * a[(j * 6) + k];
            }

            d = Math.Sqrt(Math.Max(d, 1e-12));
            a[(j * 6) + j] = d;
            for (var i = j + 1; i < 6; i++)
            {
                var s = a[(i * 6) + j];
                for (var k = 0; k < j; k++)
                {
                    s -= a[(i * 6) + k] * a[(j * 6) + k];
                }

                a[(i * 6) + j] = s / d;
            }
        }

        for (var i = 0; i < 6; i++)
        {
            var s = twist[i];
            for (var k = 0; k < i; k++)
            {
                s -= a[(i * 6) + k] * y[k];
            }

            y[i] = s / a[(i * 6) + i];
        }

        for (var i = 5; i >= 0; i--)
        {
            var s = y[i];
            for (var k = i + 1; k < 6; k++)
            {
                s -= a[(k * 6) + i] * y[k];
            }

            y[i] = s / a[(i * 6) + i];
        }

        for (var k = 0; k < n; k++)
        {
            var s = 0.0;
            for (var r = 0; r < 6; r++)
            {
                s += jacobian[(r * n) + k] * y[r];
            }

            qdot[k] = s;
        }
    }

    /// <summary>
    /// Reference solution through the singular value decomposition (MathNet): q̇ = Σ σᵢ/(σᵢ²+λ²)·vᵢ·uᵢᵀ·v.
    /// Allocates; for configuration, analysis and tests.
    /// </summary>
    public static Vector<double> SolveSvd(Matrix<double> jacobian, Vector<double> twist, double dampingLambda)
    {
        ArgumentNullException.ThrowIfNull(jacobian);
        ArgumentNullException.ThrowIfNull(twist);
        var svd = jacobian.Svd(computeVectors: true);
        var result = Vector<double>.Build.Dense(jacobian.ColumnCount);
        for (var i = 0; i < svd.S.Count; i++)
        {
            var s = svd.S[i];
            var w = s / ((s * s) + (dampingLambda * dampingLambda));
            if (w == 0 || !double.IsFinite(w))
            {
                continue;
            }

            result += w * svd.U.Column(i).DotProduct(twist) * svd.VT.Row(i);
        }

        return result;
    }

    /// <summary>Smallest singular value of the Jacobian (manipulability near singularities). Allocates.</summary>
    public static double MinSingularValue(Matrix<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(jacobian);
        var s = jacobian.Svd(computeVectors: false).S;
        return s.Count == 0 ? 0 : s.Minimum();
    }
}
