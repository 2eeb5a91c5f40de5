// Prints the ros2msg schema records of MCAP files as JSON: [{file, name, encoding, data}], data as text.
// Usage: node dump-schemas.mjs a.mcap [b.mcap ...]   (each distinct schema once per file)
//        node dump-schemas.mjs --messages N a.mcap ...  -> [{file, topic, schema, hex}] for the first N messages per channel
import { readFileSync } from "node:fs";
import { McapStreamReader } from "@mcap/core";
import { loadDecompressHandlers } from "@mcap/support";

const handlers = await loadDecompressHandlers();
const args = process.argv.slice(2);
const perChannel = args[0] === "--messages" ? Number(args[1]) : 0;
const files = perChannel > 0 ? args.slice(2) : args;
const out = [];
for (const file of files) {
  const schemas = new Map();
  const channels = new Map();
  const counts = new Map();
  const reader = new McapStreamReader({ decompressHandlers: handlers });
  reader.append(readFileSync(file));
  const seen = new Set();
  for (let record; (record = reader.nextRecord()); ) {
    if (record.type === "Schema") schemas.set(record.id, record.name);
    if (record.type === "Channel") channels.set(record.id, record);
    if (perChannel > 0) {
      if (record.type !== "Message") continue;
      const n = counts.get(record.channelId) ?? 0;
      if (n >= perChannel) continue;
      counts.set(record.channelId, n + 1);
      const ch = channels.get(record.channelId);
      out.push({ file, topic: ch.topic, schema: schemas.get(ch.schemaId), hex: Buffer.from(record.data).toString("hex") });
      continue;
    }
    if (record.type !== "Schema" || seen.has(record.id)) continue;
    seen.add(record.id);
    out.push({ file, name: record.name, encoding: record.encoding, data: new TextDecoder().decode(record.data) });
  }
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
