using Parquet;
using Parquet.Schema;

namespace Apprentice.Learning.Tests.Support;

/// <summary>Reads a Parquet file's columns back by name with Parquet.Net (independently of the writer's helper).</summary>
internal sealed class ParquetRead
{
    private ParquetRead(IReadOnlyList<string> columns, long rows, IReadOnlyDictionary<string, string> metadata, Dictionary<string, object> data)
    {
        (Columns, Rows, Metadata, _data) = (columns, rows, metadata, data);
    }

    private readonly Dictionary<string, object> _data;

    public IReadOnlyList<string> Columns { get; }

    public long Rows { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public T Get<T>(string column) => (T)_data[column];

    public static async Task<ParquetRead> OpenAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        using var group = reader.OpenRowGroupReader(0);
        var data = new Dictionary<string, object>();
        foreach (var field in reader.Schema.Fields)
        {
            if (field is ListField list)
            {
                var item = (DataField)list.Item;
                var n = (int)group.GetMetadata(item)!.MetaData!.NumValues;
                var rep = new int[n];
                var def = new int[n];
                object rows = item.ClrType == typeof(float) ? Split(await Raw<float>(group, item, def, rep), rep)
                    : item.ClrType == typeof(double) ? Split(await Raw<double>(group, item, def, rep), rep)
                    : item.ClrType == typeof(long) ? Split(await Raw<long>(group, item, def, rep), rep)
                    : Split(await Strings(group, item, n, rep), rep);
                data[field.Name] = rows;
            }
            else
            {
                var d = (DataField)field;
                var n = (int)group.RowCount;
                data[field.Name] = d.ClrType == typeof(long) ? await Values<long>(group, d, n)
                    : d.ClrType == typeof(float) ? await Values<float>(group, d, n)
                    : d.ClrType == typeof(double) ? await Values<double>(group, d, n)
                    : await Strings(group, d, n, null);
            }
        }

        return new ParquetRead([.. reader.Schema.Fields.Select(f => f.Name)], group.RowCount, reader.CustomMetadata ?? new Dictionary<string, string>(), data);
    }

    private static async Task<T[]> Raw<T>(ParquetRowGroupReader g, DataField f, int[] def, int[] rep)
        where T : struct
    {
        var values = new T[def.Length];
        await g.ReadRawAsync<T>(f, values, def, rep);
        return values;
    }

    private static async Task<T[]> Values<T>(ParquetRowGroupReader g, DataField f, int n)
        where T : struct
    {
        var values = new T[n];
        await g.ReadAsync<T>(f, values);
        return values;
    }

    private static async Task<string[]> Strings(ParquetRowGroupReader g, DataField f, int n, int[]? rep)
    {
        var values = new string?[n];
        await g.ReadAsync(f, values.AsMemory(), rep is null ? (Memory<int>?)null : rep.AsMemory());
        return [.. values.Select(v => v ?? "")];
    }

    private static List<T[]> Split<T>(T[] values, int[] rep)
    {
        var rows = new List<T[]>();
        var start = 0;
        for (var i = 1; i <= values.Length; i++)
        {
            if (i == values.Length || rep[i] == 0)
            {
                rows.Add(values[start..i]);
                start = i;
            }
        }

        return rows;
    }
}
