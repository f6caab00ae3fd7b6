/** The shipped demo data are consistent: `segwork features` on the shipped log gives the shipped client table, byte for byte. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deriveClientFeatures, formatClientFeaturesCsv } from "../../src/features/index.js";
import { repoRoot } from "../helpers/cli.js";
import { RETAIL_OPTIONS } from "./retail-options.js";

describe("shipped data", () => {
  it("features(online-retail-transactions.csv.gz) = online-retail-clients.csv", async () => {
    const { clients, summary } = await deriveClientFeatures(RETAIL_OPTIONS);
    expect(summary.linesRead).toBe(541_909);
    expect(summary.missingClientId).toBe(135_080);
    expect(formatClientFeaturesCsv(clients)).toBe(
      readFileSync(path.join(repoRoot, "data/online-retail-clients.csv"), "utf8"),
    );
  });
});
