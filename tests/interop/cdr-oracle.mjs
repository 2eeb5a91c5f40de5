// CDR oracle for interoperability tests: reads JSON jobs, one per line, from stdin and answers
// one JSON line each, using @foxglove/rosmsg2-serialization (independent implementation).
//   {"id":1,"op":"encode","definition":"<ros2msg schema text>","values":{...}} -> {"id":1,"hex":"0001..."}
//   {"id":2,"op":"decode","definition":"...","hex":"0001..."}                 -> {"id":2,"values":{...}}
// Value convention: int64/uint64 as decimal strings; byte arrays as number arrays; everything else plain JSON.
import { createInterface } from "node:readline";
import { parse } from "@foxglove/rosmsg";
import { MessageReader, MessageWriter } from "@foxglove/rosmsg2-serialization";

const cache = new Map();
function compile(text) {
  let entry = cache.get(text);
  if (!entry) {
    const defs = parse(text, { ros2: true });
    const byName = new Map(defs.map((d) => [d.name ?? "", d]));
    entry = { defs, byName, root: defs[0], writer: new MessageWriter(defs), reader: new MessageReader(defs) };
    cache.set(text, entry);
  }
  return entry;
}

const isBig = (t) => t === "int64" || t === "uint64";

function toFoxglove(entry, def, value) {
  const out = {};
  for (const f of def.definitions) {
    if (f.isConstant) continue;
    let v = value[f.name];
    if (v === undefined) continue;
    if (f.isComplex) {
      const nested = entry.byName.get(f.type);
      v = f.isArray ? v.map((x) => toFoxglove(entry, nested, x)) : toFoxglove(entry, nested, v);
    } else if (isBig(f.type)) {
      v = f.isArray ? v.map((x) => BigInt(x)) : BigInt(v);
    }
    out[f.name] = v;
  }
  return out;
}

function fromFoxglove(entry, def, value) {
  const out = {};
  for (const f of def.definitions) {
    if (f.isConstant) continue;
    let v = value[f.name];
    if (f.isComplex) {
      const nested = entry.byName.get(f.type);
      v = f.isArray ? Array.from(v, (x) => fromFoxglove(entry, nested, x)) : fromFoxglove(entry, nested, v);
    } else if (f.isArray) {
      v = Array.from(v, (x) => (typeof x === "bigint" ? x.toString() : x));
    } else if (typeof v === "bigint") {
      v = v.toString();
    }
    out[f.name] = v;
  }
  return out;
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  const job = JSON.parse(line);
  let answer;
  try {
    const entry = compile(job.definition);
    if (job.op === "encode") {
      const bytes = entry.writer.writeMessage(toFoxglove(entry, entry.root, job.values));
      answer = { id: job.id, hex: Buffer.from(bytes).toString("hex") };
    } else {
      const msg = entry.reader.readMessage(Buffer.from(job.hex, "hex"));
      answer = { id: job.id, values: fromFoxglove(entry, entry.root, msg) };
    }
  } catch (e) {
    answer = { id: job.id, error: String(e?.message ?? e) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
