using System.Globalization;
using System.Text.Json.Nodes;
using Apprentice.Bag.Mcap;

namespace Apprentice.Bag.Tests.Mcap;

/// <summary>Serialises records the way the MCAP conformance suite's expected-output JSON does.</summary>
internal static class ConformanceJson
{
    public static JsonArray Serialize(IEnumerable<McapRecord> records)
    {
        var array = new JsonArray();
        foreach (var r in records)
        {
            if (r is McapChunk or McapMessageIndex)
            {
                continue;
            }

            var fields = Fields(r).OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => (JsonNode)new JsonArray(JsonValue.Create(f.Name), f.Value)).ToArray();
            array.Add(new JsonObject { ["type"] = r.Opcode.ToString(), ["fields"] = new JsonArray(fields) });
        }

        return array;
    }

    private static IEnumerable<(string Name, JsonNode Value)> Fields(McapRecord r) => r switch
    {
        McapHeader h => [("profile", S(h.Profile)), ("library", S(h.Library))],
        McapFooter f => [("summary_start", N(f.SummaryStart)), ("summary_offset_start", N(f.SummaryOffsetStart)),
            ("summary_crc", N(f.SummaryCrc))],
        McapSchema s => [("id", N(s.Id)), ("name", S(s.Name)), ("encoding", S(s.Encoding)), ("data", B(s.Data))],
        McapChannel c => [("id", N(c.Id)), ("schema_id", N(c.SchemaId)), ("topic", S(c.Topic)),
            ("message_encoding", S(c.MessageEncoding)), ("metadata", M(c.Metadata))],
        McapMessage m => [("channel_id", N(m.ChannelId)), ("sequence", N(m.Sequence)), ("log_time", N(m.LogTime)),
            ("publish_time", N(m.PublishTime)), ("data", B(m.Data))],
        McapChunkIndex ci => [("message_start_time", N(ci.MessageStartTime)), ("message_end_time", N(ci.MessageEndTime)),
            ("chunk_start_offset", N(ci.ChunkStartOffset)), ("chunk_length", N(ci.ChunkLength)),
            ("message_index_offsets", M(ci.MessageIndexOffsets)), ("message_index_length", N(ci.MessageIndexLength)),
            ("compression", S(ci.Compression)), ("compressed_size", N(ci.CompressedSize)),
            ("uncompressed_size", N(ci.UncompressedSize))],
        McapAttachment a => [("log_time", N(a.LogTime)), ("create_time", N(a.CreateTime)), ("name", S(a.Name)),
            ("media_type", S(a.MediaType)), ("data", B(a.Data))],
        McapAttachmentIndex ai => [("offset", N(ai.Offset)), ("length", N(ai.Length)), ("log_time", N(ai.LogTime)),
            ("create_time", N(ai.CreateTime)), ("data_size", N(ai.DataSize)), ("name", S(ai.Name)),
            ("media_type", S(ai.MediaType))],
        McapStatistics st => [("message_count", N(st.MessageCount)), ("schema_count", N(st.SchemaCount)),
            ("channel_count", N(st.ChannelCount)), ("attachment_count", N(st.AttachmentCount)),
            ("metadata_count", N(st.MetadataCount)), ("chunk_count", N(st.ChunkCount)),
            ("message_start_time", N(st.MessageStartTime)), ("message_end_time", N(st.MessageEndTime)),
            ("channel_message_counts", M(st.ChannelMessageCounts))],
        McapMetadata md => [("name", S(md.Name)), ("metadata", M(md.Metadata))],
        McapMetadataIndex mi => [("offset", N(mi.Offset)), ("length", N(mi.Length)), ("name", S(mi.Name))],
        McapSummaryOffset so => [("group_opcode", N((byte)so.GroupOpcode)), ("group_start", N(so.GroupStart)),
            ("group_length", N(so.GroupLength))],
        McapDataEnd de => [("data_section_crc", N(de.DataSectionCrc))],
        _ => throw new InvalidOperationException("unexpected record " + r),
    };

    private static JsonNode S(string s) => JsonValue.Create(s);

    private static JsonNode N(ulong v) => JsonValue.Create(v.ToString(CultureInfo.InvariantCulture));

    private static JsonNode B(ReadOnlyMemory<byte> data) =>
        new JsonArray(data.ToArray().Select(b => (JsonNode)JsonValue.Create(b.ToString(CultureInfo.InvariantCulture))).ToArray());

    private static JsonNode M(IReadOnlyDictionary<string, string> map)
    {
        var o = new JsonObject();
        foreach (var (k, v) in map)
        {
            o[k] = v;
        }

        return o;
    }

    private static JsonNode M(IReadOnlyDictionary<ushort, ulong> map)
    {
        var o = new JsonObject();
        foreach (var (k, v) in map)
        {
            o[k.ToString(CultureInfo.InvariantCulture)] = v.ToString(CultureInfo.InvariantCulture);
        }

        return o;
    }
}
