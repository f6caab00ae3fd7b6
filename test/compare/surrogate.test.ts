import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  displayThreshold,
  fitBinaryCart,
  formatNumber,
  presortRows,
  roundestBetween,
  surrogateRules,
  type CartNode,
} from "../../src/compare/index.js";
import { fromRows } from "../../src/shared/matrix.js";
import { Random } from "../../src/shared/random.js";

/** Synthetic clients: cluster 2 is exactly recency ≤ 30 and monetary ≥ 2000; cluster 0 is recency > 180. */
function plantedClients(n: number, seed: number) {
  const rng = new Random(seed);
  const rows: number[][] = [];
  const labels: string[] = [];
  for (let i = 0; i < n; i++) {
    const recency = rng.int(366);
    const frequency = 1 + rng.int(50);
    const monetary = Math.round(Math.exp(Math.log(20) + rng.next() * Math.log(1000)) * 100) / 100;
    const tenure = recency + rng.int(400);
    rows.push([recency, frequency, monetary, tenure]);
    labels.push(recency <= 30 && monetary >= 2000 ? "2" : recency > 180 ? "0" : "1");
  }
  // Clients on the boundaries, so the data pins the thresholds to 30|31 and 1,999.99|2,000
  // (random draws alone may leave a gap, e.g. no client at recency 30 with monetary ≥ 2000).
  rows.push([30, 5, 2500, 100], [30, 5, 2000, 100], [31, 5, 2500, 100], [10, 5, 1999.99, 100]);
  labels.push("2", "2", "1", "1");
  return {
    x: fromRows(rows),
    names: ["recency_days", "frequency", "monetary", "tenure_days"],
    labels,
  };
}

describe("surrogate rules recover a planted rule", () => {
  const { x, names, labels } = plantedClients(2996, 11);
  const rules = surrogateRules(x, names, labels);
  const byLabel = new Map(rules.map((r) => [r.label, r]));

  it("finds cluster 2 = recency ≤ 30 and monetary ≥ 2,000 exactly", () => {
    const rule = byLabel.get("2")!;
    expect(rule.clusterSize).toBeGreaterThan(50);
    expect(rule.text).toBe("cluster 2 ≈ recency_days ≤ 30 and monetary ≥ 2,000");
    expect(rule.conditions).toEqual([
      { feature: "recency_days", upper: { value: 30, inclusive: true }, text: "recency_days ≤ 30" },
      { feature: "monetary", lower: { value: 2000, inclusive: true }, text: "monetary ≥ 2,000" },
    ]);
    // Counts, not estimates: the displayed rule reproduces the cluster exactly.
    expect(rule.fidelity).toBe(1);
    expect(rule.precision).toBe(1);
    expect(rule.matched).toBe(rule.clusterSize);
    expect(rule.coverage).toBe(rule.clusterSize / 3000);
    expect(rule.weak).toBe(false);
  });

  it("finds cluster 0 = recency > 180", () => {
    const rule = byLabel.get("0")!;
    expect(rule.text).toBe("cluster 0 ≈ recency_days > 180");
    expect(rule.fidelity).toBe(1);
    expect(rule.precision).toBe(1);
  });

  it("describes the remainder cluster with a merged range and honest statistics", () => {
    const rule = byLabel.get("1")!;
    // Cluster 1 is "30 < recency ≤ 180, or recency ≤ 30 with monetary < 2000": no single conjunction.
    expect(rule.text).toBe("cluster 1 ≈ 30 < recency_days ≤ 180");
    expect(rule.precision).toBe(1);
    // Recount by hand: fidelity = share of cluster 1 with 30 < recency ≤ 180.
    let inCluster = 0;
    let reproduced = 0;
    labels.forEach((label, i) => {
      if (label !== "1") return;
      inCluster++;
      const recency = x.data[i * 4]!;
      if (recency > 30 && recency <= 180) reproduced++;
    });
    expect(rule.fidelity).toBe(reproduced / inCluster);
    expect(rule.fidelity).toBeLessThan(1);
  });

  it("is deterministic and lists clusters in natural order", () => {
    expect(rules.map((r) => r.label)).toEqual(["0", "1", "2"]);
    expect(surrogateRules(x, names, labels)).toEqual(rules);
  });

  it("never matches a client whose feature is missing", () => {
    const data = Float64Array.from(x.data);
    // Blank the monetary value of the first 10 clients of cluster 2.
    const blanked = labels.flatMap((l, i) => (l === "2" ? [i] : [])).slice(0, 10);
    for (const i of blanked) data[i * 4 + 2] = NaN;
    const rule = surrogateRules({ ...x, data }, names, labels).find((r) => r.label === "2")!;
    expect(rule.text).toBe("cluster 2 ≈ recency_days ≤ 30 and monetary ≥ 2,000");
    expect(rule.truePositives).toBe(rule.clusterSize - 10);
    expect(rule.fidelity).toBe((rule.clusterSize - 10) / rule.clusterSize);
    expect(rule.precision).toBe(1);
  });

  it("flags a rule as weak when no leaf predicts the cluster", () => {
    const rng = new Random(3);
    const noise = labels.map(() => (rng.next() < 0.05 ? "rare" : "common"));
    const rule = surrogateRules(x, names, noise, { labelOrder: ["rare"] })[0]!;
    expect(rule.label).toBe("rare");
    expect(rule.weak).toBe(true);
    expect(rule.precision).toBeLessThan(0.5);
  });

  it("labels words as themselves and says when no split helps", () => {
    const one = fromRows([[1], [1], [1]]);
    const [rule] = surrogateRules(one, ["f"], ["Champions", "Champions", "Champions"]);
    expect(rule!.text).toBe("Champions ≈ every client (no split of the features isolates it)");
    expect(rule!.fidelity).toBe(1);
    expect(rule!.coverage).toBe(1);
  });

  it("rejects a depth beyond 3", () => {
    expect(() => surrogateRules(x, names, labels, { maxDepth: 4 })).toThrow(RangeError);
  });
});

describe("the CART kernel grows scikit-learn's tree", () => {
  const fixture = JSON.parse(
    readFileSync(
      fileURLToPath(new URL("../fixtures/compare/sklearn-tree.json", import.meta.url)),
      "utf8",
    ),
  ) as {
    params: { max_depth: number; min_samples_leaf: number };
    X: number[][];
    y: number[];
    preorder: {
      depth: number;
      samples: number;
      positives: number;
      feature?: number;
      threshold?: number;
    }[];
  };

  it("same splits, thresholds and node counts as DecisionTreeClassifier(max_depth=3, min_samples_leaf=8)", () => {
    const x = fromRows(fixture.X);
    const all = Int32Array.from(fixture.y, (_, i) => i);
    const tree = fitBinaryCart(x, Uint8Array.from(fixture.y), presortRows(x, all), {
      maxDepth: fixture.params.max_depth,
      minLeafSize: fixture.params.min_samples_leaf,
    });
    const preorder: typeof fixture.preorder = [];
    const walk = (node: CartNode): void => {
      const entry: (typeof preorder)[number] = {
        depth: node.depth,
        samples: node.samples,
        positives: node.positives,
      };
      if (node.split) {
        entry.feature = node.split.feature;
        entry.threshold = node.split.threshold;
      }
      preorder.push(entry);
      if (node.split) {
        walk(node.split.left);
        walk(node.split.right);
      }
    };
    walk(tree);
    // Thresholds are midpoints of float32-exact values: equal to the last bit (toEqual).
    expect(preorder).toEqual(fixture.preorder);
  });
});

describe("display thresholds", () => {
  it("picks the roundest number that splits the data the same way", () => {
    expect(displayThreshold(1998.27, 2003.5)).toEqual({
      value: 2000,
      leftInclusive: true,
      rightInclusive: true,
      exact: true,
    });
    expect(displayThreshold(30, 31)).toEqual({
      value: 30,
      leftInclusive: true,
      rightInclusive: false,
      exact: true,
    });
    // 1,800 is the only 2-digit number in [1795, 1800]: it equals `above`, so the left side is "< 1,800".
    expect(displayThreshold(1795, 1800)).toEqual({
      value: 1800,
      leftInclusive: false,
      rightInclusive: true,
      exact: true,
    });
    expect(displayThreshold(-0.2, 0.3).value).toBe(0);
    expect(displayThreshold(0.0412, 0.0533).value).toBe(0.05);
  });

  it("rounds the midpoint to 3 significant digits when no round number fits", () => {
    expect(displayThreshold(1234.51, 1234.52)).toEqual({
      value: 1230,
      leftInclusive: true,
      rightInclusive: false,
      exact: false,
    });
  });

  it("prefers the candidate nearest the midpoint, then the lower", () => {
    expect(roundestBetween(12, 38, 3)).toBe(20);
    expect(roundestBetween(12, 44, 3)).toBe(30);
    expect(roundestBetween(0.1, 0.3, 3)).toBe(0.2);
    expect(roundestBetween(-38, -12, 3)).toBe(-30);
  });

  it("formats numbers with thousands separators", () => {
    expect(formatNumber(1800)).toBe("1,800");
    expect(formatNumber(1234567.25)).toBe("1,234,567.25");
    expect(formatNumber(0.05)).toBe("0.05");
    expect(formatNumber(-12345.5)).toBe("-12,345.5");
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(1e-7)).toBe("0.0000001");
    expect(formatNumber(1e21)).toBe("1,000,000,000,000,000,000,000");
  });
});
