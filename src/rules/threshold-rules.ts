/**
 * Threshold rules: an ordered list of named conditions over raw features or
 * scores (e.g. `recency_days <= 30 and frequency >= 5`), first match wins.
 * Besides the labels, the result says which rules match nobody and which
 * pairs of rules overlap, because with first-match-wins an overlap silently
 * hands clients to whichever rule is listed first.
 */
import * as msg from "../shared/messages/rules.js";
import { ExpressionError, bindExpression, columnOperands, parseExpression } from "./expression.js";
import type { ExpressionMessages } from "./expression.js";
import type {
  SegmentCount,
  ThresholdAssignment,
  ThresholdRule,
  ThresholdRuleSet,
} from "./types.js";

/** A rule as written in a config, before compiling. */
export interface ThresholdRuleSpec {
  name: string;
  when: string;
  description?: string;
  /** Strategy keywords, e.g. ["win back", "survey"]. */
  strategy?: string[];
  /** Team or person who owns the segment. */
  owner?: string;
}

/** Threshold rules as written in a config. */
export interface ThresholdRulesSpec {
  /** Label for clients no rule matches. Default "Others". */
  unmatched?: string;
  rules: ThresholdRuleSpec[];
}

/** Where the rules come from, for messages, and which columns exist. */
export interface CompileContext {
  /** Config file name (default "threshold rules"). */
  file?: string;
  /** Columns that rules may read; omitted → not checked until applied. */
  columns?: readonly string[];
}

const EXPRESSION_MESSAGES: ExpressionMessages = {
  unexpectedCharacter: msg.exprUnexpectedCharacter,
  singleEquals: msg.exprSingleEquals,
  unexpectedEnd: msg.exprUnexpectedEnd,
  unexpectedToken: msg.exprUnexpectedToken,
  empty: msg.exprEmpty,
};

/**
 * Parses every rule's expression and checks its columns.
 *
 * @throws SegworkError `rule-expression` naming the file, the rule, its key
 *   path (`rules[i].when`), the 1-based position and the problem (syntax, or
 *   an unknown column with the list of known ones).
 * @example
 * const set = compileThresholdRules(
 *   { rules: [{ name: "churn risk", when: "recency_days >= 90 and frequency <= 1" }] },
 *   { file: "thresholds.json", columns: ["recency_days", "frequency", "monetary"] },
 * );
 */
export function compileThresholdRules(
  spec: ThresholdRulesSpec,
  context: CompileContext = {},
): ThresholdRuleSet {
  const file = context.file ?? "threshold rules";
  const rules: ThresholdRule[] = spec.rules.map((rule, index) => {
    const path = `rules[${index}].when`;
    const fail = (position: number, detail: string): never => {
      throw msg.expressionError(file, rule.name, path, rule.when, position, detail);
    };
    let tree;
    try {
      tree = parseExpression(rule.when, EXPRESSION_MESSAGES);
    } catch (error) {
      if (error instanceof ExpressionError) fail(error.position, error.detail);
      throw error;
    }
    const operands = columnOperands(tree!);
    if (context.columns) {
      const known = new Set(context.columns);
      const unknown = operands.find((o) => !known.has(o.name));
      if (unknown) fail(unknown.position, msg.exprUnknownColumn(unknown.name, context.columns));
    }
    const parsed = tree!;
    return {
      name: rule.name,
      ...(rule.description !== undefined ? { description: rule.description } : {}),
      ...(rule.strategy !== undefined ? { strategy: rule.strategy } : {}),
      ...(rule.owner !== undefined ? { owner: rule.owner } : {}),
      when: rule.when,
      columns: [...new Set(operands.map((o) => o.name))],
      bind: (columns) => bindExpression(parsed, columns),
    };
  });
  return { unmatched: spec.unmatched ?? "Others", rules };
}

/**
 * Labels each client with the first rule it satisfies (or `unmatched`), and
 * reports rules matching nobody, rules that match but never win, and every
 * pair of rules whose match sets intersect (counted on their own, ignoring
 * order, even though first match decides the label).
 *
 * @throws SegworkError `rules-missing-column` when a rule reads a column not in
 *   `columns`, or `rules-length-mismatch` when a column's length differs from `clients`.
 * @example
 * applyThresholdRules(set, { recency_days, frequency, monetary }, 4338).counts
 */
export function applyThresholdRules(
  ruleSet: ThresholdRuleSet,
  columns: Readonly<Record<string, ArrayLike<number>>>,
  clients: number,
): ThresholdAssignment {
  const available = Object.keys(columns);
  for (const rule of ruleSet.rules) {
    for (const column of rule.columns) {
      const values = columns[column];
      if (!values) throw msg.missingColumn(`rule "${rule.name}"`, column, available);
      if (values.length !== clients) throw msg.lengthMismatch(column, values.length, clients);
    }
  }
  const tests = ruleSet.rules.map((rule) => rule.bind(columns));
  const k = tests.length;
  const masks = tests.map(() => new Uint8Array(clients));
  const ruleIndex = new Int16Array(clients);
  const label = new Array<string>(clients);
  const wins = new Array<number>(k).fill(0);
  let unmatchedCount = 0;
  for (let i = 0; i < clients; i++) {
    let winner = -1;
    for (let r = 0; r < k; r++) {
      if (tests[r]!(i)) {
        masks[r]![i] = 1;
        if (winner < 0) winner = r;
      }
    }
    ruleIndex[i] = winner;
    if (winner < 0) {
      label[i] = ruleSet.unmatched;
      unmatchedCount++;
    } else {
      label[i] = ruleSet.rules[winner]!.name;
      wins[winner]!++;
    }
  }
  const matches = masks.map((mask) => mask.reduce((sum, v) => sum + v, 0));
  const overlaps: ThresholdAssignment["overlaps"] = [];
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      let count = 0;
      const ma = masks[a]!;
      const mb = masks[b]!;
      for (let i = 0; i < clients; i++) count += ma[i]! & mb[i]!;
      if (count > 0)
        overlaps.push({ first: ruleSet.rules[a]!.name, second: ruleSet.rules[b]!.name, count });
    }
  }
  const share = (count: number): number => (clients === 0 ? 0 : count / clients);
  const counts: SegmentCount[] = ruleSet.rules.map((rule, index) => ({
    name: rule.name,
    index,
    count: wins[index]!,
    share: share(wins[index]!),
  }));
  counts.push({
    name: ruleSet.unmatched,
    index: -1,
    count: unmatchedCount,
    share: share(unmatchedCount),
  });
  return {
    ruleIndex,
    label,
    counts,
    matches,
    matchingNobody: ruleSet.rules.filter((_, r) => matches[r] === 0).map((rule) => rule.name),
    winningNobody: ruleSet.rules
      .filter((_, r) => matches[r]! > 0 && wins[r] === 0)
      .map((rule) => rule.name),
    overlaps,
  };
}

/**
 * Sentences for the report: rules matching nobody, rules that never win,
 * overlapping pairs, and the size of the unmatched group.
 *
 * @example
 * describeThresholdAssignment(applyThresholdRules(set, columns, n))
 * // => ['rules "regular" and "big spender" both match 2 clients; first match wins, so they are "regular"', …]
 */
export function describeThresholdAssignment(result: ThresholdAssignment): string[] {
  const notes = result.matchingNobody.map((name) => msg.noteRuleMatchesNobody(name));
  for (const name of result.winningNobody) {
    const index = result.counts.findIndex((c) => c.name === name && c.index >= 0);
    notes.push(msg.noteRuleNeverWins(name, result.matches[index]!));
  }
  for (const o of result.overlaps) notes.push(msg.noteOverlap(o.first, o.second, o.count));
  const unmatched = result.counts.at(-1)!;
  if (unmatched.count > 0)
    notes.push(msg.noteUnmatched(unmatched.name, unmatched.count, result.ruleIndex.length));
  return notes;
}
