import type { SegworkModel } from "../../src/grade/index.js";

/** A one- or two-feature model with given centroids (scaled space), no scaling unless given. */
export function handModel(
  centroids: number[][],
  overrides: Partial<SegworkModel["scaler"]> = {},
  labels?: string[],
  features = centroids[0]!.length === 1 ? ["x"] : ["x", "y"],
): SegworkModel {
  const d = features.length;
  return {
    format: "segwork-model",
    formatVersion: 1,
    segworkVersion: "0.0.0-test",
    fit: {
      command: "hand",
      source: "hand.csv",
      rows: 10,
      seed: 0,
      restarts: 1,
      maxIterations: 1,
      tolerance: 0,
      inertia: 0,
      iterations: 1,
      converged: true,
    },
    features,
    scaler: {
      method: "none",
      features,
      log: [],
      center: new Array<number>(d).fill(0),
      scale: new Array<number>(d).fill(1),
      clip: null,
      ...overrides,
    },
    k: centroids.length,
    orderedBy: "hand",
    clusters: centroids.map((c, cluster) => ({
      cluster,
      label: labels?.[cluster] ?? `c${cluster}`,
      size: 1,
      share: 1 / centroids.length,
      centroidScaled: c,
      centroidOriginal: c,
    })),
  };
}
