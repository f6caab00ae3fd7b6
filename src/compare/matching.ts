import * as messages from "../shared/messages/compare.js";
import type { Labeling, MatchedLabelings, Side, UnmatchedIds } from "./types.js";

/** How many unmatched ids are kept as examples. */
export const UNMATCHED_EXAMPLES = 5;

/**
 * Matches two labelings by client id (exact string equality; "007" ≠ "7").
 * The result keeps the ids both sides have, in side A's row order, with each
 * side's label. Ids found on one side only are counted and the first few are
 * listed, never silently dropped.
 *
 * @throws SegworkError `compare.duplicate-id` when an id occurs twice on one side
 *   (naming the side, its file, the id and both lines or rows).
 * @throws SegworkError `compare.no-common-ids` when the sides share no id.
 * @throws RangeError when a labeling's `ids` and `labels` differ in length (a bug in the caller).
 * @example
 * const m = matchLabelings(
 *   { ids: ["1", "2", "3"], labels: ["x", "y", "x"] },
 *   { ids: ["3", "2", "9"], labels: ["p", "q", "p"] },
 * );
 * // m.ids => ["2", "3"]; m.a => ["y", "x"]; m.b => ["q", "p"]
 * // m.onlyInA => { count: 1, examples: ["1"] }; m.onlyInB => { count: 1, examples: ["9"] }
 */
export function matchLabelings(a: Labeling, b: Labeling): MatchedLabelings {
  const indexA = indexIds(a, "A");
  const indexB = indexIds(b, "B");
  const ids: string[] = [];
  const labelsA: string[] = [];
  const labelsB: string[] = [];
  const onlyInA = emptyUnmatched();
  for (let i = 0; i < a.ids.length; i++) {
    const id = a.ids[i]!;
    const j = indexB.get(id);
    if (j === undefined) {
      note(onlyInA, id);
      continue;
    }
    ids.push(id);
    labelsA.push(a.labels[i]!);
    labelsB.push(b.labels[j]!);
  }
  const onlyInB = emptyUnmatched();
  for (const id of b.ids) if (!indexA.has(id)) note(onlyInB, id);
  if (ids.length === 0) {
    throw messages.noCommonIds(
      a.source,
      b.source,
      a.ids.slice(0, 3) as string[],
      b.ids.slice(0, 3) as string[],
    );
  }
  return {
    ids,
    a: labelsA,
    b: labelsB,
    totalA: a.ids.length,
    totalB: b.ids.length,
    onlyInA,
    onlyInB,
  };
}

function indexIds(labeling: Labeling, side: Side): Map<string, number> {
  const { ids, labels, lines, source } = labeling;
  if (ids.length !== labels.length) {
    throw new RangeError(`side ${side} has ${ids.length} ids but ${labels.length} labels`);
  }
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const previous = index.get(id);
    if (previous !== undefined) {
      const where = (k: number): number => (lines ? lines[k]! : k + 1);
      throw messages.duplicateId(
        side,
        source,
        id,
        where(previous),
        where(i),
        lines ? "line" : "row",
      );
    }
    index.set(id, i);
  }
  return index;
}

function emptyUnmatched(): UnmatchedIds {
  return { count: 0, examples: [] };
}

function note(unmatched: UnmatchedIds, id: string): void {
  unmatched.count++;
  if (unmatched.examples.length < UNMATCHED_EXAMPLES) unmatched.examples.push(id);
}
