#!/usr/bin/env node
/**
 * Strips outputs from notebooks before they are committed (`npm run notebooks:strip`):
 * outputs, execution counts and per-cell execution timings go; sources, prose
 * and each cell's `segwork.expect` stay. Written the way Jupyter writes
 * notebooks (sorted keys, one-space indent), so a stripped notebook saved
 * again from Jupyter gives no diff.
 *
 *   node notebooks/tools/strip.mjs [notebook.ipynb …]   # default: notebooks/*.ipynb
 *   node notebooks/tools/strip.mjs --check              # exit 1 if any notebook has outputs
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./kernel.mjs";

const sortKeys = (value) =>
  Array.isArray(value)
    ? value.map(sortKeys)
    : value !== null && typeof value === "object"
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, sortKeys(value[key])]),
        )
      : value;

/** The notebook without outputs, as Jupyter would write it. */
export function stripNotebook(text) {
  const notebook = JSON.parse(text);
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "code") continue;
    cell.outputs = [];
    cell.execution_count = null;
    delete cell.metadata.execution;
  }
  return `${JSON.stringify(sortKeys(notebook), null, 1)}\n`;
}

const args = process.argv.slice(2);
const check = args.includes("--check");
const files = args.filter((arg) => !arg.startsWith("--"));
const notebooksDir = path.join(repoRoot, "notebooks");
const targets = files.length
  ? files
  : readdirSync(notebooksDir)
      .filter((name) => name.endsWith(".ipynb"))
      .map((name) => path.join(notebooksDir, name));

let dirty = 0;
for (const file of targets) {
  const before = readFileSync(file, "utf8");
  const after = stripNotebook(before);
  if (before === after) continue;
  dirty++;
  if (check)
    console.log(`${path.relative(process.cwd(), file)} has outputs or is not in Jupyter's layout`);
  else {
    writeFileSync(file, after);
    console.log(`stripped ${path.relative(process.cwd(), file)}`);
  }
}
if (check && dirty > 0) process.exit(1);
