// Prints the ros2msg schema records of MCAP files as JSON: [{file, name, encoding, data}], data as text.
// Usage: node dump-schemas.mjs a.mcap [b.mcap ...]   (each distinct schema once per file)
import { readFileSync } from "node:fs";
import { McapStreamReader } from "@mcap/core";
import { loadDecompressHandlers } from "@mcap/support";

const handlers = await loadDecompressHandlers();
const out = [];
for (const file of process.argv.slice(2)) {
  const reader = new McapStreamReader({ decompressHandlers: handlers });
  reader.append(readFileSync(file));
  const seen = new Set();
  for (let record; (record = reader.nextRecord()); ) {
    if (record.type !== "Schema" || seen.has(record.id)) continue;
    seen.add(record.id);
    out.push({ file, name: record.name, encoding: record.encoding, data: new TextDecoder().decode(record.data) });
  }
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
