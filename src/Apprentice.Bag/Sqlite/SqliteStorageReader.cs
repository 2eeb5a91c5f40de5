using System.Text.RegularExpressions;
using Apprentice.Bag.Storage;
using Microsoft.Data.Sqlite;

namespace Apprentice.Bag.Sqlite;

/// <summary>
/// <see cref="IBagStorageReader"/> over a rosbag2 <c>.db3</c> file, schema versions 1–4 (version
/// &lt; 3 files have only <c>topics</c> and <c>messages</c>). Opens the file read-only and
/// immutable, so nothing (no <c>-wal</c>/<c>-shm</c>) is created beside the user's bag; when a
/// <c>-wal</c> file is already there its data is only visible through SQLite, so the pair is copied
/// to a temporary folder and the copy is opened instead. Not thread-safe.
/// </summary>
public sealed partial class SqliteStorageReader : IBagStorageReader
{
    private readonly SqliteConnection _connection;
    private readonly string? _tempDir;
    private readonly Dictionary<long, string> _topicOfId = [];

    /// <summary>Opens <paramref name="path"/>.</summary>
    /// <exception cref="SqliteStorageException">Not a rosbag2 sqlite3 file or corrupt.</exception>
    public SqliteStorageReader(string path)
    {
        FilePath = path;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No such bag file '{path}'.", path);
        }

        var open = path;
        if (File.Exists(path + "-wal"))
        {
            _tempDir = Directory.CreateTempSubdirectory("apprentice-db3-").FullName;
            open = Path.Combine(_tempDir, Path.GetFileName(path));
            File.Copy(path, open);
            File.Copy(path + "-wal", open + "-wal");
        }

        var uri = new Uri(Path.GetFullPath(open)).AbsoluteUri + (_tempDir is null ? "?immutable=1" : "");
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = uri,
            Mode = _tempDir is null ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        try
        {
            _connection.Open();
            var tables = Strings("SELECT name FROM sqlite_master WHERE type='table'").ToHashSet(StringComparer.Ordinal);
            if (!tables.Contains("topics") || !tables.Contains("messages"))
            {
                throw new SqliteStorageException($"'{path}' has no topics/messages tables: not a rosbag2 sqlite3 bag.");
            }

            SchemaVersion = tables.Contains("schema")
                ? Convert.ToInt32(Scalar("SELECT schema_version FROM schema ORDER BY schema_version DESC LIMIT 1") ?? 0,
                    System.Globalization.CultureInfo.InvariantCulture)
                : Columns("topics").Contains("offered_qos_profiles") ? 2 : 1;
            RosDistro = tables.Contains("schema") ? Scalar("SELECT ros_distro FROM schema LIMIT 1") as string ?? "" : "";
            Topics = ReadTopics();
            Definitions = tables.Contains("message_definitions") ? ReadDefinitions() : [];
            SerializedBagMetadata = tables.Contains("metadata")
                ? Scalar("SELECT metadata FROM metadata ORDER BY id DESC LIMIT 1") as string : null;
            (MessageCounts, StartTimeNs, EndTimeNs) = ReadCounts();
        }
        catch (Exception e) when (e is SqliteException or InvalidCastException or InvalidOperationException or FormatException
                                      or OverflowException)
        {
            Dispose();
            throw new SqliteStorageException($"'{path}' cannot be read as a sqlite3 bag: {e.Message}", e);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public string FilePath { get; }

    /// <inheritdoc/>
    public string StorageIdentifier => "sqlite3";

    /// <summary>rosbag2 sqlite3 schema version (1–4; files without a schema table are 1 or 2).</summary>
    public int SchemaVersion { get; }

    /// <summary>ROS distribution recorded in the schema table (empty when absent).</summary>
    public string RosDistro { get; }

    /// <inheritdoc/>
    public IReadOnlyList<BagTopic> Topics { get; }

    /// <inheritdoc/>
    public IReadOnlyList<BagMessageDefinition> Definitions { get; }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, long> MessageCounts { get; }

    /// <inheritdoc/>
    public long? StartTimeNs { get; }

    /// <inheritdoc/>
    public long? EndTimeNs { get; }

    /// <inheritdoc/>
    public string? SerializedBagMetadata { get; }

    /// <inheritdoc/>
    public bool Recovered => false;

    /// <inheritdoc/>
    public IEnumerable<BagMessage> ReadMessages(BagReadFilter? filter = null)
    {
        filter ??= BagReadFilter.All;
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT topic_id, timestamp, data FROM messages WHERE timestamp >= $s AND timestamp <= $e " +
                          "ORDER BY timestamp, id";
        cmd.Parameters.AddWithValue("$s", filter.StartNs);
        cmd.Parameters.AddWithValue("$e", filter.EndNs);
        using var reader = Guard(cmd.ExecuteReader);
        while (Guard(reader.Read))
        {
            if (reader.IsDBNull(0) || reader.IsDBNull(1) || reader.IsDBNull(2) || !_topicOfId.TryGetValue(reader.GetInt64(0), out var topic) || !filter.Includes(topic))
            {
                continue;
            }

            var t = reader.GetInt64(1);
            var data = reader.GetValue(2) switch
            {
                byte[] b => b,
                string text => System.Text.Encoding.UTF8.GetBytes(text),
                _ => throw new SqliteStorageException($"'{FilePath}': message data of topic '{topic}' is not a blob."),
            };
            yield return new BagMessage(topic, t, t, data);
        }
    }

    private T Guard<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (SqliteException e)
        {
            throw new SqliteStorageException($"'{FilePath}' is corrupt: {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _connection.Dispose();
        if (_tempDir is not null && Directory.Exists(_tempDir))
        {
            Directory.Delete(_tempDir, recursive: true);
        }
    }

    /// <summary>
    /// True when a stored definition should not be trusted: rosbag2 always writes a real RIHS01 hash
    /// (or an empty one), so any other hash, or empty text, means the row was not written by rosbag2
    /// (talker.db3 has placeholder rows with hashes <c>hash1</c>…).
    /// </summary>
    internal static bool LooksSuspect(string text, string hash) =>
        string.IsNullOrWhiteSpace(text) || (hash.Length > 0 && !RihsHash().IsMatch(hash));

    [GeneratedRegex("^RIHS01_[0-9a-f]{64}$")]
    private static partial Regex RihsHash();

    private List<BagTopic> ReadTopics()
    {
        var columns = Columns("topics");
        var qos = columns.Contains("offered_qos_profiles") ? "offered_qos_profiles" : "''";
        var hash = columns.Contains("type_description_hash") ? "type_description_hash" : "''";
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT id, name, type, serialization_format, {qos}, {hash} FROM topics ORDER BY id";
        using var r = cmd.ExecuteReader();
        var list = new List<BagTopic>();
        while (r.Read())
        {
            _topicOfId[r.GetInt64(0)] = r.GetString(1);
            list.Add(new BagTopic(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)));
        }

        return list;
    }

    private List<BagMessageDefinition> ReadDefinitions()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT topic_type, encoding, encoded_message_definition, type_description_hash " +
                          "FROM message_definitions ORDER BY id";
        using var r = cmd.ExecuteReader();
        var list = new List<BagMessageDefinition>();
        while (r.Read())
        {
            var (text, hash) = (r.GetString(2), r.GetString(3));
            list.Add(new BagMessageDefinition(r.GetString(0), r.GetString(1), text, hash, LooksSuspect(text, hash)));
        }

        return list;
    }

    private (Dictionary<string, long>, long?, long?) ReadCounts()
    {
        var counts = Topics.ToDictionary(t => t.Name, _ => 0L);
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT topic_id, COUNT(*) FROM messages GROUP BY topic_id";
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (_topicOfId.TryGetValue(r.GetInt64(0), out var topic))
                {
                    counts[topic] += r.GetInt64(1);
                }
            }
        }

        cmd.CommandText = "SELECT MIN(timestamp), MAX(timestamp) FROM messages";
        using var mm = cmd.ExecuteReader();
        mm.Read();
        return mm.IsDBNull(0) ? (counts, null, null) : (counts, mm.GetInt64(0), mm.GetInt64(1));
    }

    private HashSet<string> Columns(string table) =>
        Strings($"SELECT name FROM pragma_table_info('{table}')").ToHashSet(StringComparer.Ordinal);

    private object? Scalar(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    private List<string> Strings(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }

        return list;
    }
}
