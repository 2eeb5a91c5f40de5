// Checks Apprentice's ROS 2 interface definitions (.msg/.srv) against independent sources.
//
// Every file is parsed with @foxglove/rosmsg (ROS 2 grammar). Then:
//  * each message type that @foxglove/rosmsg-msgs-common ships for Jazzy is compared field by
//    field: order, name, type, array kind and size, string bound, complexity, constants (value
//    and literal) and default values;
//  * the same for Humble: our files with the Humble variants (Interfaces/humble/) laid over
//    them, against the Humble reference; a type Jazzy has and Humble lacks must say so;
//  * every type the reference ships for one of our packages must exist among our files;
//  * every nested type any file names must exist among our files (closure);
//  * every schema stored in the rosbag2 MCAP bags of the shared test data is compared with
//    our definition of the same type (embedded or test fixture).
//
// Usage: node check-msgs.mjs [--interfaces DIR] [--fixtures DIR] [--testdata DIR]
// Prints one JSON report on stdout; exit code 0 when it could run (the caller judges the
// report), 2 when an argument or folder is wrong.
import { parse } from "@foxglove/rosmsg";
import { ros2humble, ros2jazzy } from "@foxglove/rosmsg-msgs-common";
import { McapIndexedReader } from "@mcap/core";
import { loadDecompressHandlers } from "@mcap/support";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv.slice(2));
const interfacesDir = path.resolve(args.interfaces ?? path.join(here, "../../src/Apprentice.Ros/Interfaces"));
const fixturesDir = path.resolve(args.fixtures ?? path.join(here, "../Apprentice.Ros.Tests/Fixtures"));
const testdataDir = args.testdata ?? process.env.APPRENTICE_TESTDATA ?? findUp(here, "shared/testdata");

// The properties of a parsed field that carry meaning; everything else is ignored.
const KEYS = ["name", "type", "isComplex", "isConstant", "isArray", "arrayLength",
  "arrayUpperBound", "upperBound", "value", "valueText", "defaultValue"];
const HUMBLE = "humble";

const report = {
  interfaces: interfacesDir,
  fixtures: fixturesDir,
  testdata: testdataDir ?? null,
  checked: 0,
  checkedTypes: [],
  packages: {},
  mismatches: [],
  notInReference: [],
  missingFromOurs: [],
  unresolved: [],
  parseErrors: [],
  notInHumble: [],
  humbleNoteMissing: [],
  bagSchemasChecked: 0,
  bagTypesChecked: [],
};

const jazzy = loadTree(interfacesDir, { skipTop: [HUMBLE] });
const humbleOverrides = loadTree(path.join(interfacesDir, HUMBLE), {});
const fixtures = loadTree(fixturesDir, {});

for (const t of jazzy.values()) {
  const pkg = report.packages[t.pkg] ??= { files: 0, types: 0, comparedWithReference: 0, humbleVariants: 0 };
  pkg.types += 1;
}
for (const file of new Set([...jazzy.values()].map((t) => t.file))) {
  report.packages[relPkg(file)].files += 1;
}
for (const t of humbleOverrides.values()) {
  if (report.packages[t.pkg]) {
    report.packages[t.pkg].humbleVariants += 1;
  } else {
    report.parseErrors.push({ file: t.file, error: `Humble variant of a package we do not ship: ${t.pkg}` });
  }
}

compareWithReference(jazzy, ros2jazzy, "ros2jazzy", true);
compareWithReference(fixtures, ros2jazzy, "ros2jazzy", false);
// Humble: our Jazzy files with the Humble variants laid over them, against the Humble reference.
const humble = new Map([...jazzy, ...humbleOverrides]);
compareWithReference(humble, ros2humble, "ros2humble", false, (t) => humbleOverrides.has(t.name));
// Types Jazzy has and Humble lacks must say so in a comment.
for (const t of jazzy.values()) {
  if (ros2jazzy[t.name] && !ros2humble[t.name]) {
    report.notInHumble.push(t.name);
    if (!/not in humble/i.test(fs.readFileSync(t.file, "utf8"))) report.humbleNoteMissing.push(t.name);
  }
}

// Completeness: the reference's types in our packages must all be ours too.
for (const name of Object.keys(ros2jazzy)) {
  const pkg = name.split("/")[0];
  if (report.packages[pkg] && !jazzy.has(name)) {
    report.missingFromOurs.push(name);
  }
}

checkClosure(jazzy, "jazzy");
checkClosure(new Map([...jazzy, ...humbleOverrides]), "humble");
checkClosure(new Map([...jazzy, ...fixtures]), "fixtures");

if (testdataDir) {
  await compareWithBags(new Map([...jazzy, ...fixtures]), path.join(testdataDir, "rosbag2"));
}

report.checkedTypes.sort();
report.notInReference.sort();
process.stdout.write(JSON.stringify(report, null, 2) + "\n");

// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    const value = argv[i + 1];
    if (!["--interfaces", "--fixtures", "--testdata"].includes(key) || value === undefined) {
      console.error(`unknown or incomplete argument '${key}'; expected --interfaces DIR, --fixtures DIR, --testdata DIR`);
      process.exit(2);
    }
    out[key.slice(2)] = value;
  }
  return out;
}

function findUp(start, rel) {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, rel);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function relPkg(file) {
  return path.relative(interfacesDir, file).split(path.sep)[0];
}

// Reads <root>/<pkg>/{msg,srv}/<Name>.{msg,srv} into a map "pkg/Name" -> type. A service gives
// two types, "pkg/Name_Request" and "pkg/Name_Response".
function loadTree(root, { skipTop = [] }) {
  const types = new Map();
  if (!fs.existsSync(root)) return types;
  for (const pkg of fs.readdirSync(root).sort()) {
    if (skipTop.includes(pkg) || !fs.statSync(path.join(root, pkg)).isDirectory()) continue;
    for (const kind of fs.readdirSync(path.join(root, pkg)).sort()) {
      const dir = path.join(root, pkg, kind);
      if (!fs.statSync(dir).isDirectory()) continue;
      for (const entry of fs.readdirSync(dir).sort()) {
        const file = path.join(dir, entry);
        const ext = path.extname(entry);
        if (!((kind === "msg" && ext === ".msg") || (kind === "srv" && ext === ".srv"))) {
          report.parseErrors.push({ file, error: `unexpected file; expected ${kind}/<Name>.${kind}` });
          continue;
        }
        const name = path.basename(entry, ext);
        const text = fs.readFileSync(file, "utf8");
        try {
          for (const [suffix, part] of splitInterface(text, kind)) {
            const fullName = `${pkg}/${name}${suffix}`;
            types.set(fullName, { name: fullName, pkg, file, definitions: parseOne(part, pkg) });
          }
        } catch (err) {
          report.parseErrors.push({ file, error: String(err.message ?? err) });
        }
      }
    }
  }
  return types;
}

function splitInterface(text, kind) {
  if (kind === "msg") return [["", text]];
  const lines = text.split("\n");
  const seps = lines.flatMap((l, i) => (/^\s*---\s*$/.test(l) ? [i] : []));
  if (seps.length !== 1) throw new Error(`a .srv needs exactly one '---' line, found ${seps.length}`);
  return [
    ["_Request", lines.slice(0, seps[0]).join("\n")],
    ["_Response", lines.slice(seps[0] + 1).join("\n")],
  ];
}

// Parses one message body; complex type names are made fully qualified ("pkg/Type") by the
// ROS 2 rule: a bare name means a type of the same package.
function parseOne(text, pkg) {
  const defs = parse(text, { ros2: true, skipTypeFixup: true });
  if (defs.length !== 1) throw new Error(`expected one definition, parsed ${defs.length}`);
  return defs[0].definitions.map((d) => {
    const out = {};
    for (const k of KEYS) if (d[k] !== undefined) out[k] = d[k];
    if (out.isComplex === true) out.type = qualify(out.type, pkg);
    return out;
  });
}

function qualify(type, pkg) {
  const parts = type.split("/");
  if (parts.length === 1) return `${pkg}/${type}`;
  if (parts.length === 3 && parts[1] === "msg") return `${parts[0]}/${parts[2]}`;
  return type;
}

// @foxglove/rosmsg turns builtin_interfaces/Time and Duration into primitives "time"/"duration".
function referencedType(def) {
  if (def.isComplex === true) return def.type;
  if (def.type === "time") return "builtin_interfaces/Time";
  if (def.type === "duration") return "builtin_interfaces/Duration";
  return undefined;
}

function canon(v) {
  return JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}n` : x));
}

function comparisonKeys(a, b) {
  return KEYS.filter((k) => a[k] !== undefined || b[k] !== undefined);
}

function compareDefinitions(typeName, source, ours, theirs) {
  const found = [];
  const n = Math.max(ours.length, theirs.length);
  for (let i = 0; i < n; i++) {
    const a = ours[i];
    const b = theirs[i];
    if (a === undefined || b === undefined) {
      found.push({ type: typeName, source, index: i, field: (a ?? b).name,
        problem: a === undefined ? "missing in ours" : "extra in ours" });
      continue;
    }
    for (const k of comparisonKeys(a, b)) {
      if (canon(a[k] ?? null) !== canon(b[k] ?? null)) {
        found.push({ type: typeName, source, index: i, field: b.name, key: k,
          ours: canon(a[k] ?? null), reference: canon(b[k] ?? null) });
      }
    }
  }
  return found;
}

function normaliseReference(def) {
  return def.definitions.map((d) => {
    const out = {};
    for (const k of KEYS) if (d[k] !== undefined) out[k] = d[k];
    return out;
  });
}

function compareWithReference(ours, reference, source, countInPackages, reportAbsent = () => true) {
  for (const t of ours.values()) {
    const ref = reference[t.name];
    if (!ref) {
      if (reportAbsent(t)) report.notInReference.push(`${t.name}${source === "ros2humble" ? " (humble)" : ""}`);
      continue;
    }
    report.mismatches.push(...compareDefinitions(t.name, source, t.definitions, normaliseReference(ref)));
    report.checked += 1;
    report.checkedTypes.push(`${t.name}${source === "ros2humble" ? " (humble)" : ""}`);
    if (countInPackages && report.packages[t.pkg]) report.packages[t.pkg].comparedWithReference += 1;
  }
}

function checkClosure(types, set) {
  for (const t of types.values()) {
    for (const d of t.definitions) {
      const ref = referencedType(d);
      if (ref !== undefined && !types.has(ref)) {
        report.unresolved.push({ set, type: t.name, field: d.name, references: ref });
      }
    }
  }
}

// Each rosbag2 MCAP schema holds the recorded type's text and its dependencies. Compare every
// type in it with ours. Service-event schemas hold the plain .srv text: compare its halves with
// our <Service>_Request/_Response.
async function compareWithBags(ours, bagRoot) {
  if (!fs.existsSync(bagRoot)) return;
  const decompressHandlers = await loadDecompressHandlers();
  const seen = new Set();
  for (const file of listFiles(bagRoot).filter((f) => f.endsWith(".mcap"))) {
    const bytes = fs.readFileSync(file);
    const readable = {
      size: async () => BigInt(bytes.length),
      read: async (offset, length) => bytes.subarray(Number(offset), Number(offset + length)),
    };
    const reader = await McapIndexedReader.Initialize({ readable, decompressHandlers });
    for (const schema of reader.schemasById.values()) {
      if (schema.encoding !== "ros2msg") continue;
      const text = new TextDecoder().decode(schema.data);
      const source = `bag:${path.relative(bagRoot, file)}:${schema.name}`;
      report.bagSchemasChecked += 1;
      for (const [name, defs] of typesInSchema(schema.name, text, source)) {
        const key = `${name}\u0000${canon(defs)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const mine = ours.get(name);
        if (!mine) {
          report.mismatches.push({ type: name, source, problem: "type recorded in a bag is not among our definitions" });
          continue;
        }
        report.mismatches.push(...compareDefinitions(name, source, mine.definitions, defs));
        if (!report.bagTypesChecked.includes(name)) report.bagTypesChecked.push(name);
      }
    }
  }
  report.bagTypesChecked.sort();
}

function typesInSchema(schemaName, text, source) {
  const [pkg, kind, rawName] = schemaName.split("/");
  const sections = text.split(/\n=+\n/);
  const out = [];
  sections.forEach((section, i) => {
    let name = `${pkg}/${rawName}`;
    let body = section;
    let sectionPkg = pkg;
    if (i > 0) {
      const m = /^MSG: (\S+)\n?/.exec(section);
      if (!m) {
        report.parseErrors.push({ file: source, error: `dependency section ${i} has no 'MSG:' line` });
        return;
      }
      name = qualify(m[1], "");
      sectionPkg = name.split("/")[0];
      body = section.slice(m[0].length);
    }
    try {
      if (i === 0 && kind === "srv") {
        const base = name.replace(/_Event$/, "");
        for (const [suffix, part] of splitInterface(body, "srv")) {
          out.push([`${base}${suffix}`, parseOne(part, sectionPkg)]);
        }
      } else {
        out.push([name, parseOne(body, sectionPkg)]);
      }
    } catch (err) {
      report.parseErrors.push({ file: source, error: String(err.message ?? err) });
    }
  });
  return out;
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}
