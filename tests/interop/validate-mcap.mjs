// Independent check of MCAP files written by Apprentice, using the pinned npm implementations.
// Usage: node validate-mcap.mjs FILE...  Prints one JSON line per file; exit code 1 on any failure.
// Checks: streaming pass with CRC validation, indexed pass, every channel `cdr` with a parseable
// `ros2msg` schema and `offered_qos_profiles`, every message decodes with no trailing bytes beyond the padding its encapsulation options declare,
// streamed and indexed counts agree with Statistics per channel.
import { readFile } from "node:fs/promises";
import { McapIndexedReader, McapStreamReader } from "@mcap/core";
import { loadDecompressHandlers } from "@mcap/support";
import { parse } from "@foxglove/rosmsg";
import { MessageReader } from "@foxglove/rosmsg2-serialization";

const decompressHandlers = await loadDecompressHandlers();

async function validate(path) {
  const bytes = new Uint8Array(await readFile(path));
  const errors = [];

  const streamed = new Map();
  const stream = new McapStreamReader({ validateCrcs: true, decompressHandlers });
  stream.append(bytes);
  for (let r; (r = stream.nextRecord()); ) {
    if (r.type === "Message") streamed.set(r.channelId, (streamed.get(r.channelId) ?? 0) + 1);
  }
  if (!stream.done()) errors.push("streaming reader did not reach the end of the file");

  const readable = {
    size: async () => BigInt(bytes.length),
    read: async (offset, size) => bytes.subarray(Number(offset), Number(offset + size)),
  };
  const indexed = await McapIndexedReader.Initialize({ readable, decompressHandlers });
  const readers = new Map();
  for (const [id, channel] of indexed.channelsById) {
    if (channel.messageEncoding !== "cdr") errors.push(`channel ${channel.topic}: encoding ${channel.messageEncoding}`);
    if (!channel.metadata.has("offered_qos_profiles")) errors.push(`channel ${channel.topic}: no offered_qos_profiles`);
    const schema = indexed.schemasById.get(channel.schemaId);
    if (!schema || schema.encoding !== "ros2msg") {
      errors.push(`channel ${channel.topic}: schema missing or not ros2msg`);
      continue;
    }
    try {
      readers.set(id, new MessageReader(parse(new TextDecoder().decode(schema.data), { ros2: true })));
    } catch (e) {
      errors.push(`channel ${channel.topic}: schema ${schema.name} does not parse: ${e.message}`);
    }
  }

  const counted = new Map();
  let last = -1n;
  for await (const m of indexed.readMessages({ validateCrcs: true })) {
    counted.set(m.channelId, (counted.get(m.channelId) ?? 0) + 1);
    if (m.logTime < last) errors.push("indexed messages out of log-time order");
    last = m.logTime;
    const reader = readers.get(m.channelId);
    if (!reader) continue;
    try {
      // XCDR encapsulation options: the low two bits count trailing padding bytes (Cyclone DDS
      // pads payloads to a multiple of 4 and says so there); those are not message bytes.
      const padding = m.data.length >= 4 ? m.data[3] & 3 : 0;
      reader.readMessage(m.data.subarray(0, m.data.length - padding));
      if (reader.lastReadHadTrailingBytes()) errors.push(`channel ${m.channelId}: message with trailing bytes`);
    } catch (e) {
      errors.push(`channel ${m.channelId}: message does not decode: ${e.message}`);
    }
  }

  const stats = indexed.statistics;
  if (!stats) errors.push("no Statistics record");
  let total = 0;
  for (const [id] of indexed.channelsById) {
    const expected = Number(stats?.channelMessageCounts.get(id) ?? 0n);
    total += expected;
    if ((streamed.get(id) ?? 0) !== expected) errors.push(`channel ${id}: streamed ${streamed.get(id) ?? 0} != statistics ${expected}`);
    if ((counted.get(id) ?? 0) !== expected) errors.push(`channel ${id}: indexed ${counted.get(id) ?? 0} != statistics ${expected}`);
  }
  if (stats && Number(stats.messageCount) !== total) errors.push("statistics message_count != sum of channel counts");

  let metadata = 0;
  for await (const _ of indexed.readMetadata()) metadata++;
  return { file: path, ok: errors.length === 0, messages: total, channels: indexed.channelsById.size, metadata, errors };
}

let failed = false;
for (const path of process.argv.slice(2)) {
  let result;
  try {
    result = await validate(path);
  } catch (e) {
    result = { file: path, ok: false, errors: [String(e?.message ?? e)] };
  }
  failed ||= !result.ok;
  console.log(JSON.stringify(result));
}
process.exit(failed ? 1 : 0);
