using Apprentice.Bag.Metadata;
using Apprentice.Bag.Storage;
using Microsoft.Data.Sqlite;

namespace Apprentice.Bag.Sqlite;

/// <summary>
/// <see cref="IBagStorageWriter"/> writing a rosbag2 <c>.db3</c> with schema version 4 (the
/// layout of rosbag2 Iron/Jazzy: schema, metadata, topics with type_description_hash,
/// message_definitions, messages with a timestamp index). Messages are inserted in batched
/// transactions; journal in memory (rosbag2's default), so no <c>-wal</c> file is left behind.
/// sqlite3 keeps one timestamp per message: the receive time. Single writer thread.
/// </summary>
public sealed class SqliteStorageWriter : IBagStorageWriter
{
    /// <summary>Schema version written.</summary>
    public const int SchemaVersion = 4;

    private const int BatchSize = 1000;
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly Dictionary<string, long> _topicIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _definedTypes = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;
    private int _pending;
    private bool _closed;

    /// <summary>Creates <paramref name="path"/> (which must not exist).</summary>
    /// <param name="path">The .db3 file.</param>
    /// <param name="rosDistro">Value of <c>schema.ros_distro</c>.</param>
    public SqliteStorageWriter(string path, string rosDistro = "")
    {
        FilePath = path;
        if (File.Exists(path))
        {
            throw new IOException($"'{path}' already exists; a bag writer never overwrites a storage file.");
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false,
        }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF; PRAGMA page_size=4096;");
        Execute("CREATE TABLE schema(schema_version INTEGER PRIMARY KEY,ros_distro TEXT NOT NULL);" +
                "CREATE TABLE metadata(id INTEGER PRIMARY KEY,metadata_version INTEGER NOT NULL,metadata TEXT NOT NULL);" +
                "CREATE TABLE topics(id INTEGER PRIMARY KEY,name TEXT NOT NULL,type TEXT NOT NULL," +
                "serialization_format TEXT NOT NULL,offered_qos_profiles TEXT NOT NULL,type_description_hash TEXT NOT NULL);" +
                "CREATE TABLE message_definitions(id INTEGER PRIMARY KEY,topic_type TEXT NOT NULL,encoding TEXT NOT NULL," +
                "encoded_message_definition TEXT NOT NULL,type_description_hash TEXT NOT NULL);" +
                "CREATE TABLE messages(id INTEGER PRIMARY KEY,topic_id INTEGER NOT NULL,timestamp INTEGER NOT NULL, data BLOB NOT NULL);" +
                "CREATE INDEX timestamp_idx ON messages (timestamp ASC);");
        using (var cmd = Command("INSERT INTO schema (schema_version, ros_distro) VALUES ($v, $d)"))
        {
            cmd.Parameters.AddWithValue("$v", SchemaVersion);
            cmd.Parameters.AddWithValue("$d", rosDistro);
            cmd.ExecuteNonQuery();
        }

        _insert = Command("INSERT INTO messages (topic_id, timestamp, data) VALUES ($t, $ts, $d)");
        _insert.Parameters.Add("$t", SqliteType.Integer);
        _insert.Parameters.Add("$ts", SqliteType.Integer);
        _insert.Parameters.Add("$d", SqliteType.Blob);
    }

    /// <inheritdoc/>
    public string FilePath { get; }

    /// <inheritdoc/>
    public string StorageIdentifier => "sqlite3";

    /// <inheritdoc/>
    public long BytesWritten { get; private set; }

    /// <inheritdoc/>
    public void CreateTopic(BagTopic topic, BagMessageDefinition? definition)
    {
        if (_topicIds.ContainsKey(topic.Name))
        {
            return;
        }

        using (var cmd = Command("INSERT INTO topics (name, type, serialization_format, offered_qos_profiles, type_description_hash) " +
                                 "VALUES ($n, $t, $f, $q, $h); SELECT last_insert_rowid();"))
        {
            cmd.Parameters.AddWithValue("$n", topic.Name);
            cmd.Parameters.AddWithValue("$t", topic.Type);
            cmd.Parameters.AddWithValue("$f", topic.SerializationFormat);
            cmd.Parameters.AddWithValue("$q", topic.OfferedQosProfiles);
            cmd.Parameters.AddWithValue("$h", topic.TypeDescriptionHash);
            _topicIds[topic.Name] = (long)cmd.ExecuteScalar()!;
        }

        if (_definedTypes.Add(topic.Type))
        {
            using var def = Command("INSERT INTO message_definitions (topic_type, encoding, encoded_message_definition, " +
                                    "type_description_hash) VALUES ($t, $e, $x, $h)");
            def.Parameters.AddWithValue("$t", topic.Type);
            def.Parameters.AddWithValue("$e", definition?.Encoding is { Length: > 0 } e ? e : "ros2msg");
            def.Parameters.AddWithValue("$x", definition?.EncodedText ?? "");
            def.Parameters.AddWithValue("$h", definition?.TypeDescriptionHash is { Length: > 0 } h ? h : topic.TypeDescriptionHash);
            def.ExecuteNonQuery();
        }
    }

    /// <inheritdoc/>
    public void Write(BagMessage message)
    {
        if (!_topicIds.TryGetValue(message.Topic, out var id))
        {
            throw new InvalidOperationException($"Topic '{message.Topic}' was not created before writing to it.");
        }

        _transaction ??= _connection.BeginTransaction();
        _insert.Transaction = _transaction;
        _insert.Parameters[0].Value = id;
        _insert.Parameters[1].Value = message.RecvTimestampNs;
        _insert.Parameters[2].Value =
            System.Runtime.InteropServices.MemoryMarshal.TryGetArray(message.Data, out var seg) &&
            seg.Offset == 0 && seg.Count == seg.Array!.Length
                ? seg.Array
                : message.Data.ToArray();
        _insert.ExecuteNonQuery();
        BytesWritten += message.Data.Length + 32;
        if (++_pending >= BatchSize)
        {
            Commit();
        }
    }

    /// <inheritdoc/>
    public void WriteBagMetadata(string serializedMetadata)
    {
        Commit();
        using var cmd = Command("INSERT INTO metadata (metadata_version, metadata) VALUES ($v, $m)");
        cmd.Parameters.AddWithValue("$v", BagMetadataYaml.WriteVersion);
        cmd.Parameters.AddWithValue("$m", serializedMetadata);
        cmd.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        Commit();
        _insert.Dispose();
        _connection.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose() => Close();

    private void Commit()
    {
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
        _pending = 0;
    }

    private SqliteCommand Command(string sql)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd;
    }

    private void Execute(string sql)
    {
        using var cmd = Command(sql);
        cmd.ExecuteNonQuery();
    }
}
