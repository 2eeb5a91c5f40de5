using Parquet;
using Parquet.Schema;

namespace Apprentice.Learning.LeRobot;

/// <summary>
/// A small column-oriented Parquet writer over Parquet.Net's low-level API: scalar int64, float32
/// and string columns and list columns (float32, float64, int64, string), one row group, written
/// in the order added. Column names may contain '.' and '/' as LeRobot's do.
/// </summary>
internal sealed class ParquetTable
{
    private readonly List<Field> _fields = [];
    private readonly List<Func<ParquetRowGroupWriter, Task>> _writers = [];

    public ParquetTable(int rows) => Rows = rows;

    public int Rows { get; }

    public ParquetTable Int64(string name, long[] values)
    {
        Check(name, values.Length);
        var f = new DataField<long>(name);
        _fields.Add(f);
        _writers.Add(g => g.WriteAsync<long>(f, values, null));
        return this;
    }

    public ParquetTable Float32(string name, float[] values)
    {
        Check(name, values.Length);
        var f = new DataField<float>(name);
        _fields.Add(f);
        _writers.Add(g => g.WriteAsync<float>(f, values, null));
        return this;
    }

    public ParquetTable Float64(string name, double[] values)
    {
        Check(name, values.Length);
        var f = new DataField<double>(name);
        _fields.Add(f);
        _writers.Add(g => g.WriteAsync<double>(f, values, null));
        return this;
    }

    public ParquetTable String(string name, string[] values)
    {
        Check(name, values.Length);
        var f = new DataField<string>(name);
        _fields.Add(f);
        _writers.Add(g => g.WriteAsync(f, values, null));
        return this;
    }

    /// <summary>A list column; <paramref name="rows"/>[i] is row i's list (non-empty).</summary>
    public ParquetTable List<T>(string name, IReadOnlyList<T[]> rows)
        where T : struct
    {
        Check(name, rows.Count);
        var item = new DataField<T>("element");
        _fields.Add(new ListField(name, item));
        var values = rows.SelectMany(r => r).ToArray();
        var repetition = rows.SelectMany(r => r.Select((_, k) => k == 0 ? 0 : 1)).ToArray();
        _writers.Add(g => g.WriteAllPartsAsync<T>(item, values, Enumerable.Repeat(item.MaxDefinitionLevel, values.Length).ToArray(), repetition, default));
        return this;
    }

    /// <summary>A list-of-strings column (each row's list non-empty).</summary>
    public ParquetTable StringList(string name, IReadOnlyList<string[]> rows)
    {
        Check(name, rows.Count);
        var item = new DataField<string>("element");
        _fields.Add(new ListField(name, item));
        var values = rows.SelectMany(r => r).ToArray();
        var repetition = rows.SelectMany(r => r.Select((_, k) => k == 0 ? 0 : 1)).ToArray();
        _writers.Add(g => g.WriteAsync(item, values, repetition));
        return this;
    }

    public async Task WriteAsync(string path, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(_fields), stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (metadata is not null)
        {
            writer.CustomMetadata = metadata;
        }

        using var group = writer.CreateRowGroup();
        foreach (var write in _writers)
        {
            await write(group).ConfigureAwait(false);
        }
    }

    private void Check(string name, int count)
    {
        if (count != Rows)
        {
            throw new ArgumentException($"column '{name}' has {count} rows, the table {Rows}");
        }
    }
}
