namespace Apprentice.Bag.Sqlite;

/// <summary>A <c>.db3</c> file that is not a rosbag2 sqlite3 bag, or is corrupt.</summary>
public sealed class SqliteStorageException : IOException
{
    /// <summary>Creates the exception.</summary>
    public SqliteStorageException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public SqliteStorageException() { }

    /// <summary>Creates the exception.</summary>
    public SqliteStorageException(string message) : base(message) { }
}
