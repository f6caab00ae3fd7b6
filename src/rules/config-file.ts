/**
 * Reading rule configs: JSON or YAML text → plain data, and zod issues →
 * one clear line per problem naming the file and the key path, e.g.
 * `data/rules/tiers.json: weights.monetary must be a number between 0 and 1 (got "0.5x")`.
 */
import { readFileSync } from "node:fs";
import YAML from "yaml";
import type { z } from "zod";
import * as msg from "../shared/messages/rules.js";
import type { ConfigProblem } from "../shared/messages/rules.js";
import { locateJsonError } from "../shared/json-syntax.js";

/**
 * Parses config text. Files ending in `.yaml` / `.yml` are YAML; anything else
 * is JSON (YAML 1.2 is a superset of JSON, but JSON errors are clearer).
 *
 * @throws SegworkError `config-syntax` with the line and column of the error.
 * @example
 * parseConfigText('{"bins": 5}', "rfm.json") // => { bins: 5 }
 */
export function parseConfigText(text: string, file: string): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/\.ya?ml$/i.test(file)) return parseYaml(source, file);
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    const located = locateJsonError(source, {
      expected: msg.jsonExpected,
      endOfFile: msg.jsonEndOfFile,
    });
    const offset = located?.offset ?? 0;
    const before = source.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    const detail = located?.detail ?? (error instanceof Error ? error.message : String(error));
    throw msg.configSyntax(file, "JSON", line, column, detail);
  }
}

function parseYaml(text: string, file: string): unknown {
  const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
    const firstLine = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    throw msg.configSyntax(file, "YAML", pos.line, pos.col, firstLine);
  }
  return doc.toJS() as unknown;
}

/**
 * Reads and parses a config file.
 *
 * @throws SegworkError `config-not-found` or `config-syntax`.
 * @example
 * readConfigFile("data/rules/tiers.json") // => the parsed object
 */
export function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw msg.configNotFound(path);
  }
  return parseConfigText(text, path);
}

/**
 * A zod key path as written in messages.
 *
 * @example
 * formatKeyPath(["tiers", 2, "min"]) // => "tiers[2].min"
 * formatKeyPath(["weights", "monthly spend"]) // => 'weights["monthly spend"]'
 */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else {
      const name = String(key);
      if (/^[A-Za-z_$][\w$]*$/.test(name)) out += out === "" ? name : `.${name}`;
      else out += `[${JSON.stringify(name)}]`;
    }
  }
  return out;
}

/**
 * The value at a key path of plain data, or undefined.
 *
 * @example
 * valueAt({ weights: { monetary: "0.5x" } }, ["weights", "monetary"]) // => "0.5x"
 */
export function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = raw;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key as string];
  }
  return node;
}

function isMissing(raw: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return raw === undefined;
  const parent = valueAt(raw, path.slice(0, -1));
  return (
    parent !== null &&
    typeof parent === "object" &&
    !Object.hasOwn(parent, path[path.length - 1]! as string)
  );
}

/**
 * zod issues → config problems (the value found and whether the key is absent
 * are looked up in the raw data; sentences marked `params.plain` stay as they are).
 *
 * @example
 * problemsFromIssues(raw, result.error.issues)[0] // => { path: "weights.monetary", requirement: "must be …", value: "0.5x" }
 */
export function problemsFromIssues(
  raw: unknown,
  issues: readonly z.core.$ZodIssue[],
): ConfigProblem[] {
  return issues.map((issue) => {
    const path = formatKeyPath(issue.path);
    const plain =
      issue.code === "unrecognized_keys" ||
      (issue.code === "custom" && issue.params?.["plain"] === true);
    if (plain) return { path, requirement: issue.message, plain: true };
    if (isMissing(raw, issue.path)) return { path, requirement: issue.message, missing: true };
    return { path, requirement: issue.message, value: valueAt(raw, issue.path) };
  });
}

/**
 * Validates raw config data with a zod schema.
 *
 * @throws SegworkError `config-invalid` listing every problem, one per line.
 * @example
 * validateConfig(schema, { bins: 5 }, "rfm.json")
 */
export function validateConfig<T extends z.ZodType>(
  schema: T,
  raw: unknown,
  file: string,
): z.output<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw msg.configInvalid(file, problemsFromIssues(raw, result.error.issues));
}
