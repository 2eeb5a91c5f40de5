using System.Numerics.Tensors;

namespace Apprentice.Learning.Training;

/// <summary>
/// Minibatch MSE gradient steps with Adam(W) on an <see cref="Mlp"/>, with preallocated batch
/// buffers. Parallel work is split into fixed contiguous ranges of output elements, each summed by
/// one thread in sample order, so the result does not depend on the thread count. Not thread-safe.
/// </summary>
internal sealed class MlpOptimizer
{
    private const int RowBlock = 8;
    private readonly Mlp _net;
    private readonly BcTrainerOptions _o;
    private readonly int[] _sizes;
    private readonly float[][] _acts;
    private readonly float[][] _deltas;
    private readonly float[][] _gradW;
    private readonly float[][] _gradB;
    private readonly float[][] _transposed;
    private readonly float[][] _mW;
    private readonly float[][] _vW;
    private readonly float[][] _mB;
    private readonly float[][] _vB;
    private readonly ParallelOptions _parallel;
    private long _step;

    public MlpOptimizer(Mlp net, BcTrainerOptions options)
    {
        _net = net;
        _o = options;
        _sizes = [.. net.Sizes];
        var layers = net.LayerCount;
        var batch = options.BatchSize;
        _acts = [.. _sizes.Select(s => new float[batch * s])];
        _deltas = [.. _sizes.Select(s => new float[batch * s])];
        _gradW = [.. net.Weights.Select(w => new float[w.Length])];
        _gradB = [.. net.Biases.Select(b => new float[b.Length])];
        _mW = [.. net.Weights.Select(w => new float[w.Length])];
        _vW = [.. net.Weights.Select(w => new float[w.Length])];
        _mB = [.. net.Biases.Select(b => new float[b.Length])];
        _vB = [.. net.Biases.Select(b => new float[b.Length])];
        _transposed = new float[layers][];
        for (var l = 0; l < layers; l++)
        {
            _transposed[l] = new float[net.Weights[l].Length];
            Transpose(l);
        }

        _parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxThreads };
    }

    /// <summary>The input rows of the next batch (row-major, up to BatchSize × inputs).</summary>
    public float[] InputBuffer => _acts[0];

    /// <summary>Forward pass over the first <paramref name="rows"/> rows of <see cref="InputBuffer"/>; returns the output buffer.</summary>
    public float[] Forward(int rows)
    {
        for (var l = 0; l < _net.LayerCount; l++)
        {
            var (x, y, w, b) = (_acts[l], _acts[l + 1], _net.Weights[l], _net.Biases[l]);
            var (ins, outs, relu) = (_sizes[l], _sizes[l + 1], l < _net.LayerCount - 1);
            For(rows, (from, to) =>
            {
                // Blocks of rows share each weight row while it is in L1; per element the sum
                // order (bias, then k ascending) is the single-row order of Mlp.Layer.
                for (var r0 = from; r0 < to; r0 += RowBlock)
                {
                    var r1 = Math.Min(r0 + RowBlock, to);
                    for (var r = r0; r < r1; r++)
                    {
                        b.CopyTo(y.AsSpan(r * outs, outs));
                    }

                    for (var k = 0; k < ins; k++)
                    {
                        var wk = w.AsSpan(k * outs, outs);
                        for (var r = r0; r < r1; r++)
                        {
                            var xk = x[(r * ins) + k];
                            if (xk != 0f)
                            {
                                var yr = y.AsSpan(r * outs, outs);
                                TensorPrimitives.MultiplyAdd(wk, xk, yr, yr);
                            }
                        }
                    }

                    if (relu)
                    {
                        var block = y.AsSpan(r0 * outs, (r1 - r0) * outs);
                        TensorPrimitives.Max(block, 0f, block);
                    }
                }
            });
        }

        return _acts[^1];
    }

    /// <summary>MSE of the forward output against <paramref name="targets"/> (rows × outputs), summed in order (double).</summary>
    public double SquaredError(int rows, ReadOnlySpan<float> targets)
    {
        var y = _acts[^1];
        double sum = 0;
        for (var i = 0; i < rows * _sizes[^1]; i++)
        {
            double d = y[i] - targets[i];
            sum += d * d;
        }

        return sum;
    }

    /// <summary>One gradient step on the batch: forward, backward, Adam. Returns the batch MSE.</summary>
    public double Step(int rows, float[] targets)
    {
        Forward(rows);
        var loss = SquaredError(rows, targets) / (rows * _sizes[^1]);
        var top = _deltas[^1];
        var y = _acts[^1];
        var scale = 2f / (rows * _sizes[^1]);
        for (var i = 0; i < rows * _sizes[^1]; i++)
        {
            top[i] = (y[i] - targets[i]) * scale;
        }

        for (var l = _net.LayerCount - 1; l >= 0; l--)
        {
            Backward(l, rows);
        }

        Adam();
        return loss;
    }

    private void Backward(int l, int rows)
    {
        var (ins, outs) = (_sizes[l], _sizes[l + 1]);
        var (x, delta, gw, gb) = (_acts[l], _deltas[l + 1], _gradW[l], _gradB[l]);
        For(ins, (from, to) =>
        {
            gw.AsSpan(from * outs, (to - from) * outs).Clear();
            for (var k0 = from; k0 < to; k0 += RowBlock)
            {
                var k1 = Math.Min(k0 + RowBlock, to);
                for (var r = 0; r < rows; r++)
                {
                    var dr = delta.AsSpan(r * outs, outs);
                    for (var k = k0; k < k1; k++)
                    {
                        var xk = x[(r * ins) + k];
                        if (xk != 0f)
                        {
                            var row = gw.AsSpan(k * outs, outs);
                            TensorPrimitives.MultiplyAdd(dr, xk, row, row);
                        }
                    }
                }
            }
        });
        gb.AsSpan().Clear();
        for (var r = 0; r < rows; r++)
        {
            TensorPrimitives.Add(gb, delta.AsSpan(r * outs, outs), gb);
        }

        if (l == 0)
        {
            return;
        }

        var (wt, below) = (_transposed[l], _deltas[l]);
        For(rows, (from, to) =>
        {
            for (var r0 = from; r0 < to; r0 += RowBlock)
            {
                var r1 = Math.Min(r0 + RowBlock, to);
                below.AsSpan(r0 * ins, (r1 - r0) * ins).Clear();
                for (var o = 0; o < outs; o++)
                {
                    var wo = wt.AsSpan(o * ins, ins);
                    for (var r = r0; r < r1; r++)
                    {
                        var g = delta[(r * outs) + o];
                        if (g != 0f)
                        {
                            var d = below.AsSpan(r * ins, ins);
                            TensorPrimitives.MultiplyAdd(wo, g, d, d);
                        }
                    }
                }

                for (var i = r0 * ins; i < r1 * ins; i++)
                {
                    if (!(x[i] > 0f))
                    {
                        below[i] = 0f;
                    }
                }
            }
        });
    }

    private void Adam()
    {
        _step++;
        var lr = (float)_o.LearningRate;
        var (b1, b2, eps) = ((float)_o.Beta1, (float)_o.Beta2, (float)_o.Epsilon);
        var c1 = (float)(1 / (1 - Math.Pow(_o.Beta1, _step)));
        var c2 = (float)(1 / (1 - Math.Pow(_o.Beta2, _step)));
        var decay = (float)(_o.LearningRate * _o.WeightDecay);
        for (var l = 0; l < _net.LayerCount; l++)
        {
            Update(_net.Weights[l], _gradW[l], _mW[l], _vW[l], decay);
            Update(_net.Biases[l], _gradB[l], _mB[l], _vB[l], 0f);
            Transpose(l);
        }

        void Update(float[] p, float[] g, float[] m, float[] v, float wd)
        {
            for (var i = 0; i < p.Length; i++)
            {
                m[i] = (b1 * m[i]) + ((1 - b1) * g[i]);
                v[i] = (b2 * v[i]) + ((1 - b2) * g[i] * g[i]);
                p[i] -= (lr * (m[i] * c1) / (MathF.Sqrt(v[i] * c2) + eps)) + (wd * p[i]);
            }
        }
    }

    private void Transpose(int l)
    {
        var (ins, outs, w, t) = (_sizes[l], _sizes[l + 1], _net.Weights[l], _transposed[l]);
        for (var k = 0; k < ins; k++)
        {
            for (var o = 0; o < outs; o++)
            {
                t[(o * ins) + k] = w[(k * outs) + o];
            }
        }
    }

    // Fixed contiguous ranges: the partition only decides who computes an element, never the order of a sum.
    private void For(int n, Action<int, int> body)
    {
        var parts = Math.Min(_parallel.MaxDegreeOfParallelism, Math.Max(1, n / 16));
        if (parts <= 1)
        {
            body(0, n);
            return;
        }

        Parallel.For(0, parts, _parallel, p => body(p * n / parts, (p + 1) * n / parts));
    }
}
