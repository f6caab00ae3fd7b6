/**
 * Lint of a named-segment table over the whole score grid (bins³ cells):
 * which rules can never win because earlier rules take all their cells, which
 * lose part of them, and which cells no rule covers (those clients end up in
 * the unmatched group).
 */
import * as msg from "../shared/messages/rules.js";
import { firstMatchingRule, ruleMatches } from "./segments.js";
import type {
  ScoreBox,
  ScoreRange,
  SegmentAssignment,
  SegmentLint,
  SegmentRule,
  SegmentRuleLint,
} from "./types.js";

/**
 * Checks an ordered segment table on every cell of the bins³ score grid.
 *
 * A rule is `fully-shadowed` when it covers cells but earlier rules win all of
 * them, `partially-shadowed` when earlier rules win some (`shadowedShare` =
 * cells lost ÷ cells covered), `empty` when its ranges hold no cell of the grid.
 * Uncovered cells are listed as disjoint boxes (e.g. "R1 F2–4 M1–3"). With an
 * assignment, the number and share of unmatched clients are added.
 *
 * @throws RangeError when bins is not a whole number from 1 to 9.
 * @example
 * lintSegmentRules(R_RFM_SEGMENT_TABLE.segments, 5).uncoveredCells // => 9
 */
export function lintSegmentRules(
  rules: readonly SegmentRule[],
  bins: number,
  assignment?: SegmentAssignment,
): SegmentLint {
  if (!(Number.isInteger(bins) && bins >= 1 && bins <= 9))
    throw new RangeError(`bins must be 1..9, got ${bins}`);
  const cellsOf = rules.map((rule) => cellCount(rule, bins));
  const wins = new Array<number>(rules.length).fill(0);
  const shadowedBy = rules.map(() => new Map<number, number>());
  const uncovered: boolean[] = [];
  for (let r = 1; r <= bins; r++) {
    for (let f = 1; f <= bins; f++) {
      for (let m = 1; m <= bins; m++) {
        const winner = firstMatchingRule(rules, r, f, m);
        uncovered.push(winner < 0);
        if (winner < 0) continue;
        wins[winner]!++;
        for (let k = winner + 1; k < rules.length; k++) {
          if (ruleMatches(rules[k]!, r, f, m))
            shadowedBy[k]!.set(winner, (shadowedBy[k]!.get(winner) ?? 0) + 1);
        }
      }
    }
  }
  const lints: SegmentRuleLint[] = rules.map((rule, index) => {
    const cells = cellsOf[index]!;
    const shadowed = cells - wins[index]!;
    const status: SegmentRuleLint["status"] =
      cells === 0
        ? "empty"
        : wins[index] === 0
          ? "fully-shadowed"
          : shadowed > 0
            ? "partially-shadowed"
            : "ok";
    return {
      index,
      name: rule.name,
      cells,
      wins: wins[index]!,
      shadowed,
      shadowedShare: cells === 0 ? 0 : shadowed / cells,
      shadowedBy: [...shadowedBy[index]!.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([k, count]) => ({ index: k, name: rules[k]!.name, cells: count })),
      status,
    };
  });
  const boxes = compactCells(uncovered, bins);
  const result: SegmentLint = {
    bins,
    totalCells: bins ** 3,
    rules: lints,
    fullyShadowed: lints.filter((l) => l.status === "fully-shadowed"),
    partiallyShadowed: lints.filter((l) => l.status === "partially-shadowed"),
    uncoveredCells: uncovered.filter(Boolean).length,
    uncovered: boxes,
  };
  if (assignment) {
    const total = assignment.segmentIndex.length;
    result.clients = total;
    result.unmatchedClients = assignment.unmatchedCount;
    result.unmatchedShare = total === 0 ? 0 : assignment.unmatchedCount / total;
  }
  return result;
}

/** Grid cells inside a rule's ranges, clipped to 1..bins. */
function cellCount(rule: SegmentRule, bins: number): number {
  const span = (range: ScoreRange): number =>
    Math.max(0, Math.min(range[1], bins) - Math.max(range[0], 1) + 1);
  return span(rule.recency) * span(rule.frequency) * span(rule.monetary);
}

/** "R1", "F2–4": one score or an inclusive range. */
function rangeLabel(letter: string, range: ScoreRange): string {
  return range[0] === range[1] ? `${letter}${range[0]}` : `${letter}${range[0]}–${range[1]}`;
}

/**
 * A label such as "R1 F2–4 M1–3".
 *
 * @example
 * boxLabel({ recency: [1, 1], frequency: [2, 4], monetary: [1, 3] }) // => "R1 F2–4 M1–3"
 */
export function boxLabel(box: Pick<ScoreBox, "recency" | "frequency" | "monetary">): string {
  return `${rangeLabel("R", box.recency)} ${rangeLabel("F", box.frequency)} ${rangeLabel("M", box.monetary)}`;
}

/**
 * Covers the marked cells with disjoint boxes, greedily: from the first free
 * cell (R, then F, then M ascending) grow along M, then F, then R while every
 * cell of the grown box is marked and free.
 */
function compactCells(marked: boolean[], bins: number): ScoreBox[] {
  const at = (r: number, f: number, m: number): number =>
    ((r - 1) * bins + (f - 1)) * bins + (m - 1);
  const free = marked.slice();
  const allFree = (
    r0: number,
    r1: number,
    f0: number,
    f1: number,
    m0: number,
    m1: number,
  ): boolean => {
    for (let r = r0; r <= r1; r++)
      for (let f = f0; f <= f1; f++)
        for (let m = m0; m <= m1; m++) if (!free[at(r, f, m)]) return false;
    return true;
  };
  const boxes: ScoreBox[] = [];
  for (let r = 1; r <= bins; r++) {
    for (let f = 1; f <= bins; f++) {
      for (let m = 1; m <= bins; m++) {
        if (!free[at(r, f, m)]) continue;
        let m1 = m;
        while (m1 < bins && free[at(r, f, m1 + 1)]) m1++;
        let f1 = f;
        while (f1 < bins && allFree(r, r, f1 + 1, f1 + 1, m, m1)) f1++;
        let r1 = r;
        while (r1 < bins && allFree(r1 + 1, r1 + 1, f, f1, m, m1)) r1++;
        for (let rr = r; rr <= r1; rr++)
          for (let ff = f; ff <= f1; ff++)
            for (let mm = m; mm <= m1; mm++) free[at(rr, ff, mm)] = false;
        const box = { recency: [r, r1], frequency: [f, f1], monetary: [m, m1] } as const;
        boxes.push({ ...box, label: boxLabel(box) });
      }
    }
  }
  return boxes;
}

/**
 * The findings of a lint as sentences for the report: one line per empty,
 * fully or partially shadowed rule, one for the uncovered cells, and one for
 * the unmatched clients when the lint was given an assignment.
 *
 * @example
 * describeSegmentLint(lintSegmentRules(rules, 5), "Others")
 * // => ['segment "Loyal Customers" loses 44.4% of its cells to earlier segments (Potential Loyalist)', …]
 */
export function describeSegmentLint(lint: SegmentLint, unmatched: string): string[] {
  const notes: string[] = [];
  for (const rule of lint.rules) {
    const by = rule.shadowedBy.map((s) => s.name);
    if (rule.status === "empty") notes.push(msg.noteEmptyRule(rule.name, lint.bins));
    else if (rule.status === "fully-shadowed") notes.push(msg.noteFullyShadowed(rule.name, by));
    else if (rule.status === "partially-shadowed")
      notes.push(msg.notePartiallyShadowed(rule.name, rule.shadowedShare, by));
  }
  if (lint.uncoveredCells > 0) {
    notes.push(
      msg.noteUncoveredCells(
        lint.uncoveredCells,
        lint.totalCells,
        lint.uncovered.map((b) => b.label),
        unmatched,
      ),
    );
  }
  if (
    lint.unmatchedClients !== undefined &&
    lint.clients !== undefined &&
    lint.unmatchedClients > 0
  ) {
    notes.push(msg.noteUnmatched(unmatched, lint.unmatchedClients, lint.clients));
  }
  return notes;
}
