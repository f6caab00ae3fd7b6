#!/usr/bin/env node
/**
 * Compares two folders written by `snapshot-outputs.mjs`, file by file.
 * JSON files are compared after removing keys listed with --ignore-keys
 * (default: the `format` and `formatVersion` markers that issue 8 added);
 * every other file must be identical byte for byte.
 *
 *   node scripts/compare-snapshots.mjs /tmp/before /tmp/after [--ignore-keys format,formatVersion]
 *
 * Exits 1 and lists the differing files when any differ.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const [a, b, ...rest] = process.argv.slice(2);
if (!a || !b) {
  process.stderr.write("usage: compare-snapshots.mjs <before> <after> [--ignore-keys k1,k2]\n");
  process.exit(2);
}
const flag = rest.indexOf("--ignore-keys");
const ignored = new Set(flag >= 0 ? rest[flag + 1].split(",") : ["format", "formatVersion"]);

function files(dir, prefix = "") {
  return readdirSync(path.join(dir, prefix)).flatMap((name) => {
    const rel = path.join(prefix, name);
    return statSync(path.join(dir, rel)).isDirectory() ? files(dir, rel) : [rel];
  });
}

function strip(value) {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !ignored.has(k))
        .map(([k, v]) => [k, strip(v)]),
    );
  return value;
}

const left = new Set(files(a));
const right = new Set(files(b));
const problems = [];
for (const f of [...left].filter((f) => !right.has(f))) problems.push(`only in ${a}: ${f}`);
for (const f of [...right].filter((f) => !left.has(f))) problems.push(`only in ${b}: ${f}`);
let same = 0;
for (const f of [...left].filter((f) => right.has(f))) {
  const x = readFileSync(path.join(a, f));
  const y = readFileSync(path.join(b, f));
  if (x.equals(y)) {
    same++;
    continue;
  }
  if (f.endsWith(".json")) {
    const px = JSON.stringify(strip(JSON.parse(x.toString("utf8"))));
    const py = JSON.stringify(strip(JSON.parse(y.toString("utf8"))));
    if (px === py) {
      same++;
      problems.push(`same apart from ${[...ignored].join("/")}: ${f}`);
      continue;
    }
  }
  problems.push(`DIFFERS: ${f}`);
}
process.stdout.write(`${same} files the same\n${problems.join("\n")}\n`);
if (problems.some((p) => p.startsWith("DIFFERS") || p.startsWith("only"))) process.exitCode = 1;
