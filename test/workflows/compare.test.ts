/**
 * The compare workflow on two hand-made labelings of seven clients each (six
 * in common), with ARI and NMI worked out below, and `compareFiles` reading
 * the same labelings from the files `cluster` and `rfm` write.
 */
import { describe, expect, it } from "vitest";
import { parseCompare, writeCompare } from "../../src/artifacts/compare.js";
import * as notes from "../../src/shared/messages/workflows.js";
import {
  compareFiles,
  compareOutputFiles,
  compareWorkflow,
  COMPARE_OUTPUTS,
} from "../../src/workflows/index.js";
import { tempDir, writeInput } from "../helpers/cli.js";
import { recorder, tableOf } from "./fixtures.js";

const A_IDS = ["CU1001", "CU1002", "CU1003", "CU1004", "CU1005", "CU1006", "CU7777"];
const A_LABELS = ["0", "0", "1", "1", "1", "2", "2"];
const B_IDS = ["CU1001", "CU1002", "CU1003", "CU1004", "CU1005", "CU1006", "CU9999"];
const B_LABELS = ["Champions", "Champions", "Lost", "Lost", "Champions", "Lost", "Lost"];

/**
 * Common clients: A = 0 0 1 1 1 2, B = Ch Ch Lost Lost Ch Lost; crosstab 0 → (2, 0), 1 → (1, 2), 2 → (0, 1).
 * ARI = (2 − 1.6) / (5 − 1.6) (see test/cli-rules/compare.test.ts).
 * NMI (arithmetic mean, as scikit-learn): MI / ((H(A) + H(B)) / 2), with natural logs.
 */
const ARI = 0.4 / 3.4;
const H = (counts: number[], n: number) =>
  -counts.reduce((s, c) => s + (c / n) * Math.log(c / n), 0);
const MI =
  (2 / 6) * Math.log(2 / 6 / ((2 / 6) * (3 / 6))) +
  (1 / 6) * Math.log(1 / 6 / ((3 / 6) * (3 / 6))) +
  (2 / 6) * Math.log(2 / 6 / ((3 / 6) * (3 / 6))) +
  (1 / 6) * Math.log(1 / 6 / ((1 / 6) * (3 / 6)));
const NMI = MI / ((H([2, 3, 1], 6) + H([3, 3], 6)) / 2);

const side = (ids: string[], labels: string[], file: string, name: string) => ({
  labeling: { ids, labels, source: file },
  name,
  file,
  idColumn: "id",
  labelColumn: "label",
});

describe("compareWorkflow on hand-made labelings", () => {
  it("scores the six common clients: ARI and NMI as worked out, the crosstab, the ids on one side only", async () => {
    const clients = await tableOf(
      "id,recency_days,frequency,monetary\n" +
        "CU1001,3,9,900\nCU1002,5,8,800\nCU1003,200,1,20\nCU1004,220,1,30\nCU1005,10,6,700\nCU1006,300,2,40\n",
      { id: "id" },
    );
    const result = compareWorkflow({
      a: side(A_IDS, A_LABELS, "assignments.csv", "K-Means"),
      b: side(B_IDS, B_LABELS, "segments.csv", "RFM"),
      clients,
      features: ["recency_days", "frequency", "monetary"],
      revenue: "monetary",
    });
    const { scores, crosstab } = result.comparison;
    expect(scores.n).toBe(6);
    expect(scores.adjustedRandIndex).toBeCloseTo(ARI, 12);
    expect(scores.normalizedMutualInfo).toBeCloseTo(NMI, 12);
    expect(crosstab.counts).toEqual([
      [2, 0],
      [1, 2],
      [0, 1],
    ]);
    const { artifact } = result;
    expect(artifact.matching).toMatchObject({ totalA: 7, totalB: 7, matched: 6 });
    expect(artifact.surrogateRules).toHaveLength(3);
    expect(artifact.separation?.clients).toBe(6);
    expect(parseCompare(writeCompare(artifact), "compare.json")).toEqual(
      JSON.parse(writeCompare(artifact)),
    );
    expect((await compareOutputFiles(result)).map((f) => f.name)).toEqual(COMPARE_OUTPUTS);
  });

  it("compareFiles reads assignments.csv and segments.csv and gives the same scores", async () => {
    const dir = tempDir();
    const a = writeInput(
      dir,
      "assignments.csv",
      "id,cluster,label\n" +
        A_IDS.map((id, i) => `${id},${A_LABELS[i]},L${A_LABELS[i]}`).join("\n") +
        "\n",
    );
    const b = writeInput(
      dir,
      "segments.csv",
      "id,segment\n" + B_IDS.map((id, i) => `${id},${B_LABELS[i]}`).join("\n") + "\n",
    );
    const progress = recorder();
    const result = await compareFiles({
      a: { file: a },
      b: { file: b },
      onProgress: progress.onProgress,
    });
    expect(result.comparison.scores.adjustedRandIndex).toBeCloseTo(ARI, 12);
    expect(result.comparison.crosstab.rowLabels).toEqual(["0", "1", "2"]);
    expect(result.artifact.surrogateRules).toBeNull(); // no table with the raw features
    expect(result.summary[0]).toBe(
      notes.comparedLine(
        6,
        result.comparison.scores.adjustedRandIndex,
        NMI,
        result.comparison.scores.vMeasure,
      ),
    );
    expect(progress.notes()).toEqual(
      expect.arrayContaining([
        notes.sideLoaded("A", 7, a, "cluster"),
        notes.sideLoaded("B", 7, b, "segment"),
      ]),
    );
  });
});
