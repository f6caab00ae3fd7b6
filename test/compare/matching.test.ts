import { describe, expect, it } from "vitest";
import { matchLabelings } from "../../src/compare/index.js";
import { errorOf as thrown } from "../helpers/errors.js";
import * as messages from "../../src/shared/messages/compare.js";

describe("matchLabelings", () => {
  it("keeps common ids in A's order and counts and lists the ids on one side only", () => {
    const a = {
      ids: ["10", "11", "12", "13", "14", "15", "16", "17"],
      labels: ["0", "0", "1", "1", "2", "2", "0", "1"],
    };
    const b = { ids: ["17", "12", "10", "99", "98"], labels: ["x", "y", "x", "z", "z"] };
    const m = matchLabelings(a, b);
    expect(m.ids).toEqual(["10", "12", "17"]);
    expect(m.a).toEqual(["0", "1", "1"]);
    expect(m.b).toEqual(["x", "y", "x"]);
    expect(m.totalA).toBe(8);
    expect(m.totalB).toBe(5);
    // A has 11, 13, 14, 15, 16 unmatched: 5 ids, all listed (the cap is 5).
    expect(m.onlyInA).toEqual({ count: 5, examples: ["11", "13", "14", "15", "16"] });
    expect(m.onlyInB).toEqual({ count: 2, examples: ["99", "98"] });
    // Nothing dropped silently: matched + only-in-A = all of A; matched + only-in-B = all of B.
    expect(m.ids.length + m.onlyInA.count).toBe(m.totalA);
    expect(m.ids.length + m.onlyInB.count).toBe(m.totalB);
  });

  it("lists at most 5 examples but counts them all", () => {
    const ids = Array.from({ length: 12 }, (_, i) => String(i));
    const m = matchLabelings({ ids, labels: ids.map(() => "a") }, { ids: ["0"], labels: ["b"] });
    expect(m.onlyInA.count).toBe(11);
    expect(m.onlyInA.examples).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("matches ids exactly as written (leading zeros matter)", () => {
    const m = matchLabelings(
      { ids: ["007", "8"], labels: ["a", "b"] },
      { ids: ["7", "8"], labels: ["p", "q"] },
    );
    expect(m.ids).toEqual(["8"]);
    expect(m.onlyInA.examples).toEqual(["007"]);
    expect(m.onlyInB.examples).toEqual(["7"]);
  });

  it("refuses a duplicate id, naming the side, file, id and both lines", () => {
    const error = thrown(() =>
      matchLabelings(
        { ids: ["1", "2"], labels: ["a", "b"] },
        {
          ids: ["1", "17850", "3", "17850"],
          labels: ["p", "q", "r", "s"],
          source: "runs/rfm/segments.csv",
          lines: [2, 3, 4, 5],
        },
      ),
    );
    expect(error.code).toBe("compare.duplicate-id");
    expect(error.message).toBe(
      'Client id "17850" appears twice in side B ("runs/rfm/segments.csv"), on lines 3 and 5. ' +
        "Each client needs exactly one label per side: remove the duplicate row or fix the id.",
    );
    expect(error.location).toMatchObject({
      file: "runs/rfm/segments.csv",
      line: 5,
      value: "17850",
    });
  });

  it("names rows (1-based) when lines are unknown", () => {
    const error = thrown(() =>
      matchLabelings({ ids: ["5", "5"], labels: ["a", "a"] }, { ids: ["5"], labels: ["b"] }),
    );
    expect(error.message).toBe(
      'Client id "5" appears twice in side A, on rows 1 and 2. ' +
        "Each client needs exactly one label per side: remove the duplicate row or fix the id.",
    );
  });

  it("refuses two labelings with no id in common", () => {
    const error = thrown(() =>
      matchLabelings(
        { ids: ["12346", "12347"], labels: ["0", "1"], source: "a.csv" },
        { ids: ["C12346"], labels: ["x"], source: "b.csv" },
      ),
    );
    expect(error.code).toBe("compare.no-common-ids");
    expect(error.message).toBe(
      'No client id appears in both side A ("a.csv") and side B ("b.csv"). Ids are matched exactly as written ' +
        '(e.g. "12346", "12347" against "C12346"): check that both files use the same id column and the same ' +
        "spelling (prefixes, leading zeros).",
    );
  });

  it("throws a RangeError when ids and labels differ in length (a caller bug)", () => {
    expect(() => matchLabelings({ ids: ["1"], labels: [] }, { ids: ["1"], labels: ["a"] })).toThrow(
      RangeError,
    );
  });

  it("words the unmatched note for the CLI", () => {
    expect(messages.unmatchedIds("B", "b.csv", 312, ["1***6", "1***7"])).toBe(
      '312 clients of side B ("b.csv") have no label on the other side and were left out of the comparison (e.g. 1***6, 1***7).',
    );
    expect(messages.unmatchedIds("A", undefined, 1, ["4"])).toBe(
      "1 client of side A has no label on the other side and was left out of the comparison (e.g. 4).",
    );
  });
});
