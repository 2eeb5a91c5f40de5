namespace Apprentice.Safety.Geometry;

/// <summary>A simple planar polygon (metres, base frame). Immutable; thread-safe; queries allocation-free.</summary>
public sealed class Polygon2
{
    private readonly Vec2[] _vertices;

    /// <summary>Creates a polygon from at least three finite vertices, in order (either winding).</summary>
    /// <exception cref="ArgumentException">Fewer than three vertices or a non-finite coordinate.</exception>
    public Polygon2(IReadOnlyList<Vec2> vertices)
    {
        ArgumentNullException.ThrowIfNull(vertices);
        if (vertices.Count < 3 || vertices.Any(v => !double.IsFinite(v.X) || !double.IsFinite(v.Y)))
        {
            throw new ArgumentException("a polygon needs at least three finite vertices", nameof(vertices));
        }

        _vertices = [.. vertices];
    }

    /// <summary>The vertices.</summary>
    public ReadOnlySpan<Vec2> Vertices => _vertices;

    /// <summary>True when the point lies inside (even-odd rule; boundary points count as inside up to rounding).</summary>
    public bool Contains(double x, double y)
    {
        var inside = false;
        var v = _vertices;
        for (int i = 0, j = v.Length - 1; i < v.Length; j = i++)
        {
            if ((v[i].Y > y) != (v[j].Y > y) && x < ((v[j].X - v[i].X) * (y - v[i].Y) / (v[j].Y - v[i].Y)) + v[i].X)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>A copy grown outward by <paramref name="marginM"/> (vertices pushed away from the centroid; exact for convex shapes around it).</summary>
    public Polygon2 Inflate(double marginM)
    {
        var cx = _vertices.Average(p => p.X);
        var cy = _vertices.Average(p => p.Y);
        return new Polygon2(_vertices.Select(p =>
        {
            var (dx, dy) = (p.X - cx, p.Y - cy);
            var len = Math.Sqrt((dx * dx) + (dy * dy));
            return len == 0 ? p : new Vec2(p.X + (marginM * dx / len * Math.Sqrt(2)), p.Y + (marginM * dy / len * Math.Sqrt(2)));
        }).ToArray());
    }

    /// <summary>
    /// Parses Nav2's footprint string form "[[x1, y1], [x2, y2], ...]".
    /// </summary>
    /// <exception cref="FormatException">The text is not a list of at least three [x, y] pairs.</exception>
    public static Polygon2 ParseNav2(string text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cleaned = text.Replace(" ", string.Empty, StringComparison.Ordinal).Trim('"', '\'');
        if (!cleaned.StartsWith("[[", StringComparison.Ordinal) || !cleaned.EndsWith("]]", StringComparison.Ordinal))
        {
            throw new FormatException($"parameter '{key}': '{text}' is not of the form [[x1, y1], [x2, y2], [x3, y3], ...].");
        }

        var pairs = cleaned[2..^2].Split("],[");
        var points = new List<Vec2>();
        foreach (var pair in pairs)
        {
            var xy = pair.Split(',');
            if (xy.Length != 2
                || !double.TryParse(xy[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x)
                || !double.TryParse(xy[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var y)
                || !double.IsFinite(x) || !double.IsFinite(y))
            {
                throw new FormatException($"parameter '{key}': '[{pair}]' is not a pair of finite numbers [x, y].");
            }

            points.Add(new Vec2(x, y));
        }

        return points.Count < 3
            ? throw new FormatException($"parameter '{key}': a footprint needs at least three points, got {points.Count}.")
            : new Polygon2(points);
    }
}
