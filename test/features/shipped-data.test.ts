/** The shipped demo data are consistent: `segwork features` on the shipped log gives the shipped client table, byte for byte. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deriveClientFeatures, formatClientFeaturesCsv } from "../../src/features/index.js";
import { repoRoot } from "../helpers/cli.js";

describe("shipped data", () => {
  it("features(online-retail-transactions.csv.gz) = online-retail-clients.csv", async () => {
    const { clients, summary } = await deriveClientFeatures({
      transactions: path.join(repoRoot, "data/online-retail-transactions.csv.gz"),
      id: "CustomerID",
      date: "InvoiceDate",
      amount: "Quantity*UnitPrice",
      invoice: "InvoiceNo",
      asOf: "2011-12-10",
      keep: ["Country"],
      // The log has 135,080 lines without a client (24.9%) and 5,225 exact copies (0.96%).
      allowDropped: ["missing_client_id"],
    });
    expect(summary.linesRead).toBe(541_909);
    expect(summary.missingClientId).toBe(135_080);
    expect(formatClientFeaturesCsv(clients)).toBe(
      readFileSync(path.join(repoRoot, "data/online-retail-clients.csv"), "utf8"),
    );
  });
});
