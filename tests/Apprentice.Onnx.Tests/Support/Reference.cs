namespace Apprentice.Onnx.Tests.Support;

/// <summary>Plain C# forward operators (batch 1, double accumulation) to check ONNX Runtime against.</summary>
internal static class Reference
{
    /// <summary>y = W·x + b with W [n, k] row-major (Gemm with transB = 1).</summary>
    public static float[] Dense(float[] x, float[] w, float[] b)
    {
        var n = b.Length;
        var k = x.Length;
        var y = new float[n];
        for (var i = 0; i < n; i++)
        {
            double sum = b[i];
            for (var j = 0; j < k; j++)
            {
                sum += (double)w[(i * k) + j] * x[j];
            }

            y[i] = (float)sum;
        }

        return y;
    }

    public static float[] Relu(float[] x) => x.Select(v => Math.Max(v, 0f)).ToArray();

    public static float[] Tanh(float[] x) => x.Select(MathF.Tanh).ToArray();

    public static float[] Sigmoid(float[] x) => x.Select(v => 1f / (1f + MathF.Exp(-v))).ToArray();

    /// <summary>2-D convolution of CHW <paramref name="x"/> with OIHW weights, square kernel, zero padding.</summary>
    public static float[] Conv(float[] x, int c, int h, int w, float[] weights, float[] bias, int kernel, int stride, int pad,
        out int outH, out int outW)
    {
        var m = bias.Length;
        outH = ((h + (2 * pad) - kernel) / stride) + 1;
        outW = ((w + (2 * pad) - kernel) / stride) + 1;
        var y = new float[m * outH * outW];
        for (var o = 0; o < m; o++)
        {
            for (var oy = 0; oy < outH; oy++)
            {
                for (var ox = 0; ox < outW; ox++)
                {
                    double sum = bias[o];
                    for (var ci = 0; ci < c; ci++)
                    {
                        for (var ky = 0; ky < kernel; ky++)
                        {
                            var iy = (oy * stride) + ky - pad;
                            if (iy < 0 || iy >= h)
                            {
                                continue;
                            }

                            for (var kx = 0; kx < kernel; kx++)
                            {
                                var ix = (ox * stride) + kx - pad;
                                if (ix < 0 || ix >= w)
                                {
                                    continue;
                                }

                                sum += (double)weights[(((((o * c) + ci) * kernel) + ky) * kernel) + kx] * x[(((ci * h) + iy) * w) + ix];
                            }
                        }
                    }

                    y[(((o * outH) + oy) * outW) + ox] = (float)sum;
                }
            }
        }

        return y;
    }

    /// <summary>Max pooling of CHW <paramref name="x"/>, square kernel, no padding.</summary>
    public static float[] MaxPool(float[] x, int c, int h, int w, int kernel, int stride, out int outH, out int outW)
    {
        outH = ((h - kernel) / stride) + 1;
        outW = ((w - kernel) / stride) + 1;
        var y = new float[c * outH * outW];
        for (var ci = 0; ci < c; ci++)
        {
            for (var oy = 0; oy < outH; oy++)
            {
                for (var ox = 0; ox < outW; ox++)
                {
                    var max = float.NegativeInfinity;
                    for (var ky = 0; ky < kernel; ky++)
                    {
                        for (var kx = 0; kx < kernel; kx++)
                        {
                            max = Math.Max(max, x[(((ci * h) + (oy * stride) + ky) * w) + (ox * stride) + kx]);
                        }
                    }

                    y[(((ci * outH) + oy) * outW) + ox] = max;
                }
            }
        }

        return y;
    }
}
