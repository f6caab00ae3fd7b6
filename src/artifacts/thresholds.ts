/**
 * `thresholds.json`: the threshold rules with how many clients each matches
 * on its own and wins, first-match counts, rules matching nobody, rules that
 * never win, and overlapping pairs. `segments.csv` beside it holds the labels.
 */
import { z } from "zod";
import type { ThresholdAssignment, ThresholdRuleSet } from "../rules/types.js";
import { type JsonArtifactFormat, jsonArtifactIO, type JsonArtifactIO } from "./json.js";
import {
  countSchema,
  ruleHeaderShape,
  ruleOutputHeader,
  type Provenance,
  type RuleInput,
  type RuleOutputHeader,
} from "./rule-output.js";
import { count, header } from "./schema.js";

/** The content of thresholds.json. */
export interface ThresholdsArtifact extends RuleOutputHeader<"segwork-thresholds"> {
  unmatched: string;
  rules: {
    name: string;
    when: string;
    description?: string;
    columns: string[];
    matches: number;
    wins: number;
  }[];
  counts: { name: string; count: number; share: number }[];
  matchingNobody: string[];
  winningNobody: string[];
  overlaps: { first: string; second: string; count: number }[];
  notes: string[];
}

const v1 = z.looseObject({
  ...header("segwork-thresholds", 1),
  ...ruleHeaderShape,
  unmatched: z.string(),
  rules: z.array(
    z.looseObject({
      name: z.string(),
      when: z.string(),
      columns: z.array(z.string()),
      matches: count,
      wins: count,
    }),
  ),
  counts: z.array(countSchema),
  matchingNobody: z.array(z.string()),
  winningNobody: z.array(z.string()),
  overlaps: z.array(z.looseObject({ first: z.string(), second: z.string(), count })),
  notes: z.array(z.string()),
});

/** The thresholds.json format. */
export const THRESHOLDS_FORMAT: JsonArtifactFormat<ThresholdsArtifact> = {
  format: "segwork-thresholds",
  version: 1,
  writtenBy: "segwork thresholds",
  schemas: { 1: v1 },
};

/**
 * The thresholds.json content of a threshold-rules run.
 *
 * @example
 * thresholdsArtifact(provenance, input, file, ruleSet, assignment, notes).matchingNobody // => ["ghost"]
 */
export function thresholdsArtifact(
  provenance: Provenance,
  input: RuleInput,
  configFile: string,
  ruleSet: ThresholdRuleSet,
  assignment: ThresholdAssignment,
  notes: string[],
): ThresholdsArtifact {
  return {
    ...ruleOutputHeader("segwork-thresholds", provenance, input, configFile),
    unmatched: ruleSet.unmatched,
    rules: ruleSet.rules.map((r, k) => ({
      name: r.name,
      when: r.when,
      ...(r.description !== undefined ? { description: r.description } : {}),
      columns: r.columns,
      matches: assignment.matches[k]!,
      wins: assignment.counts[k]!.count,
    })),
    counts: assignment.counts.map(({ name, count, share }) => ({ name, count, share })),
    matchingNobody: assignment.matchingNobody,
    winningNobody: assignment.winningNobody,
    overlaps: assignment.overlaps,
    notes,
  };
}

/** thresholds.json text and its validating readers (each failure one line naming the file and key). */
export const {
  write: writeThresholds,
  parse: parseThresholds,
  read: readThresholdsFile,
}: JsonArtifactIO<ThresholdsArtifact> = jsonArtifactIO(THRESHOLDS_FORMAT);
