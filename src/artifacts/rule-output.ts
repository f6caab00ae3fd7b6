/**
 * What the JSON outputs of the rule commands (`rfm.json`, `thresholds.json`,
 * `tiers.json`, `abc.json`) open with: what wrote them, from which input and
 * config, so other tools can check what they read.
 */
import { z } from "zod";
import { count } from "./schema.js";

/** Who wrote an artifact: the command line (or "library") and segwork's version. */
export interface Provenance {
  command: string;
  segworkVersion: string;
}

/** The client table a rule command read, and how many of its clients it left out. */
export interface RuleInput {
  file: string;
  idColumn: string | null;
  rows: number;
  dropped: number;
}

/** The opening keys of a rule command's JSON output. */
export interface RuleOutputHeader<F extends string> {
  format: F;
  formatVersion: 1;
  segworkVersion: string;
  command: string;
  input: RuleInput;
  config: string;
}

/**
 * The opening keys of a rule command's JSON output.
 *
 * @example
 * ruleOutputHeader("segwork-abc", provenance, { file: "c.csv", idColumn: "id", rows: 3, dropped: 0 }, "abc.json").format
 * // => "segwork-abc"
 */
export function ruleOutputHeader<F extends string>(
  format: F,
  provenance: Provenance,
  input: RuleInput,
  configFile: string,
): RuleOutputHeader<F> {
  return {
    format,
    formatVersion: 1,
    segworkVersion: provenance.segworkVersion,
    command: provenance.command,
    input,
    config: configFile,
  };
}

/** zod shape of the opening keys (after `format`/`formatVersion`). */
export const ruleHeaderShape = {
  segworkVersion: z.string(),
  command: z.string(),
  input: z.looseObject({
    file: z.string(),
    idColumn: z.union([z.string(), z.null()]),
    rows: count,
    dropped: count,
  }),
  config: z.string(),
};

/** A first-match count per rule or segment, as the rule outputs list them. */
export const countSchema = z.looseObject({ name: z.string(), count, share: z.number() });
