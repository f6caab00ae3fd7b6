/**
 * `clientFeaturesTable` gives, in memory, the table that writing the
 * features CSV and loading it back with `--id client_id` gives: same ids,
 * headers, numeric columns, text columns and line numbers.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatClientFeaturesCsv, type ClientFeatures } from "../../src/features/index.js";
import { clientFeaturesTable } from "../../src/features/table.js";
import { NUMERIC_FEATURES } from "../../src/features/types.js";
import { parseTable } from "../../src/load/index.js";
import { featuresWorkflow } from "../../src/workflows/index.js";
import { repoRoot } from "../helpers/cli.js";
import { RETAIL_OPTIONS } from "./retail-options.js";

const LOG = path.join(repoRoot, "test/cli-rules/transactions.csv");

describe("clientFeaturesTable", () => {
  let clients: ClientFeatures;

  beforeAll(async () => {
    ({ clients } = await featuresWorkflow({
      ...RETAIL_OPTIONS,
      transactions: LOG,
      allowDropped: true,
    }));
  });

  it("equals the features CSV loaded back", async () => {
    const memory = clientFeaturesTable(clients, "clients.csv");
    const loaded = await parseTable(
      new TextEncoder().encode(formatClientFeaturesCsv(clients)),
      "clients.csv",
      "csv",
      {
        id: "client_id",
        numeric: [...NUMERIC_FEATURES],
        text: ["country", "first_purchase", "last_purchase"],
      },
    );
    expect(memory.ids).toEqual(loaded.ids);
    expect(memory.headers).toEqual(loaded.headers);
    expect(memory.rowCount).toBe(loaded.rowCount);
    expect(Array.from(memory.sourceLines)).toEqual(Array.from(loaded.sourceLines));
    for (const feature of NUMERIC_FEATURES)
      expect(Array.from(memory.columns[feature]!), feature).toEqual(
        Array.from(loaded.columns[feature]!),
      );
    expect(memory.text).toEqual(loaded.text);
    expect(memory.rowsWithoutId).toEqual({ count: 0, lines: [] });
  });
});
