namespace Apprentice.Bag.Mcap;

/// <summary>The 8 magic bytes that open and close an MCAP file (major version 0).</summary>
public static class McapMagic
{
    /// <summary>0x89 'M' 'C' 'A' 'P' '0' '\r' '\n'.</summary>
    public static ReadOnlySpan<byte> Bytes => [0x89, (byte)'M', (byte)'C', (byte)'A', (byte)'P', 0x30, (byte)'\r', (byte)'\n'];

    /// <summary>Length of the magic in bytes.</summary>
    public const int Length = 8;

    /// <summary>Bytes of a record's opcode and length prefix.</summary>
    public const int RecordPrefixLength = 9;

    /// <summary>Bytes of a whole Footer record (prefix + 20-byte body).</summary>
    public const int FooterRecordLength = RecordPrefixLength + 20;
}
