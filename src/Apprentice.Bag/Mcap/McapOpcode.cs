namespace Apprentice.Bag.Mcap;

/// <summary>Record opcodes of MCAP major version 0 (the specification's "record type" byte).</summary>
public enum McapOpcode : byte
{
    /// <summary>Header: profile and library.</summary>
    Header = 0x01,
    /// <summary>Footer: summary offsets and summary CRC.</summary>
    Footer = 0x02,
    /// <summary>Schema of a channel's messages.</summary>
    Schema = 0x03,
    /// <summary>Channel (topic) definition.</summary>
    Channel = 0x04,
    /// <summary>One message.</summary>
    Message = 0x05,
    /// <summary>A (possibly compressed) batch of Schema, Channel and Message records.</summary>
    Chunk = 0x06,
    /// <summary>Per-channel index of the messages in the preceding chunk.</summary>
    MessageIndex = 0x07,
    /// <summary>Summary index of one chunk.</summary>
    ChunkIndex = 0x08,
    /// <summary>An attached file.</summary>
    Attachment = 0x09,
    /// <summary>Summary index of one attachment.</summary>
    AttachmentIndex = 0x0A,
    /// <summary>Summary statistics.</summary>
    Statistics = 0x0B,
    /// <summary>Named string map.</summary>
    Metadata = 0x0C,
    /// <summary>Summary index of one metadata record.</summary>
    MetadataIndex = 0x0D,
    /// <summary>Offset of one group of summary records.</summary>
    SummaryOffset = 0x0E,
    /// <summary>End of the data section, with its CRC.</summary>
    DataEnd = 0x0F,
}
