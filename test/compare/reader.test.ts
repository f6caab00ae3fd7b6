import { describe, expect, it } from "vitest";
import { clientColumns, labelingFromTable } from "../../src/compare/index.js";
import { errorOf as thrown } from "../helpers/errors.js";
import { makeTable } from "./helpers.js";

describe("labelingFromTable", () => {
  const assignments = makeTable(
    "runs/k4/assignments.csv",
    ["id", "cluster", "label"],
    [
      ["12346", "2", "Lapsed"],
      ["12347", "0", "Very high spend"],
    ],
    { id: "id", text: ["label"] },
  );

  it("takes the cluster column of assignments.csv by default, printed as numbers", () => {
    const labeling = labelingFromTable(assignments);
    expect(labeling.ids).toEqual(["12346", "12347"]);
    expect(labeling.labels).toEqual(["2", "0"]);
    expect(labeling.source).toBe("runs/k4/assignments.csv");
    expect(Array.from(labeling.lines!)).toEqual([2, 3]);
  });

  it("takes a named text column as written, trimmed", () => {
    expect(labelingFromTable(assignments, "label").labels).toEqual(["Lapsed", "Very high spend"]);
  });

  it("takes the only column besides the id", () => {
    const t = makeTable("s.csv", ["client", "rfm_class"], [["1", " Champions "]], {
      id: "client",
      text: ["rfm_class"],
    });
    expect(labelingFromTable(t).labels).toEqual(["Champions"]);
  });

  it("names a missing label's file, line and column", () => {
    const t = makeTable(
      "runs/rfm/segments.csv",
      ["client_id", "segment"],
      [
        ["1", "Loyal"],
        ["2", ""],
      ],
      {
        id: "client_id",
        text: ["segment"],
      },
    );
    expect(thrown(() => labelingFromTable(t)).message).toBe(
      '"runs/rfm/segments.csv" line 3, column "segment": the label is empty. Every client needs a label; fill it in or remove the row.',
    );
  });

  it("says which columns exist when the named one does not", () => {
    expect(thrown(() => labelingFromTable(assignments, "segment")).message).toBe(
      'The label column "segment" is not in "runs/k4/assignments.csv". Its columns are "id", "cluster", "label".',
    );
  });

  it("asks for a column when it cannot tell", () => {
    const t = makeTable("x.csv", ["id", "r_score", "f_score"], [["1", "3", "4"]], { id: "id" });
    expect(thrown(() => labelingFromTable(t)).message).toBe(
      'Cannot tell which column of "x.csv" holds the labels: "r_score", "f_score". Name it with --label-a / --label-b.',
    );
  });

  it("treats words loaded as numbers as a wiring bug, not an empty label", () => {
    const t = makeTable("s.csv", ["id", "segment"], [["1", "Loyal"]], { id: "id" });
    expect(() => labelingFromTable(t)).toThrow(/holds words but was loaded as numbers/);
  });
});

describe("clientColumns", () => {
  const clients = makeTable(
    "clients.csv",
    ["client_id", "recency_days", "monetary"],
    [
      ["1", "10", "500"],
      ["2", "40", ""],
      ["3", "5", "2500"],
    ],
    { id: "client_id" },
  );

  it("aligns rows to the given ids and marks absent ids", () => {
    const { matrix, missing } = clientColumns(
      clients,
      ["3", "9", "1"],
      ["monetary", "recency_days"],
      "feature",
    );
    expect(matrix.rows).toBe(3);
    expect(matrix.cols).toBe(2);
    expect(Array.from(matrix.data)).toEqual([2500, 5, NaN, NaN, 500, 10]);
    expect(missing).toEqual({ count: 1, examples: ["9"] });
  });

  it("names the numeric columns when one is missing", () => {
    expect(thrown(() => clientColumns(clients, ["1"], ["spend"], "revenue")).message).toBe(
      'The revenue column "spend" is not a numeric column of "clients.csv". Its numeric columns are "recency_days", "monetary".',
    );
  });

  it("refuses a duplicate client id", () => {
    const dup = makeTable(
      "clients.csv",
      ["client_id", "monetary"],
      [
        ["1", "5"],
        ["2", "6"],
        ["1", "7"],
      ],
      { id: "client_id" },
    );
    expect(thrown(() => clientColumns(dup, ["1"], ["monetary"], "revenue")).message).toBe(
      'Client id "1" appears twice in the client table "clients.csv", on lines 2 and 4. ' +
        "Features and revenue need one row per client: remove the duplicate row or fix the id.",
    );
  });
});
