/**
 * The rule configs shipped in `data/rules/` and reading a config file with
 * one of the rules stage's parsers.
 */
import path from "node:path";
import { packageRoot } from "../shared/package-info.js";
import { readConfigFile } from "./config-file.js";

/**
 * Path of a config shipped in `data/rules/` (found from the package root, so
 * it works from the source tree, the build and an installed package).
 *
 * @example
 * shippedRuleConfig("rfm-segments.json") // => "/…/segwork/data/rules/rfm-segments.json"
 */
export function shippedRuleConfig(name: string): string {
  return path.join(packageRoot(), "data", "rules", name);
}

/**
 * Reads and validates a rule config with one of the rules stage's parsers.
 *
 * @throws SegworkError `config-not-found`, `config-syntax`, `config-invalid`
 *   (naming the file and the key), or what `parse` throws.
 * @example
 * const abc = readRuleConfig("data/rules/abc.json", parseAbcConfig); // => { aShare: 0.8, bShare: 0.15 }
 */
export function readRuleConfig<T>(file: string, parse: (raw: unknown, file: string) => T): T {
  return parse(readConfigFile(file), file);
}
