/**
 * The RFM workflow, from a client table and from a transaction log, on the
 * six clients whose scores test/helpers/six-clients.ts works out by hand
 * (R rfm's type-7 quantile cut points + 1, half-open bins, the shipped
 * segment table): both inputs give the same scores and segments.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseRfm, writeRfm } from "../../src/artifacts/rfm.js";
import * as rulesMsg from "../../src/shared/messages/cli-rules.js";
import * as notes from "../../src/shared/messages/workflows.js";
import {
  rfmClientsFromTable,
  rfmClientsFromTransactions,
  rfmFiles,
  rfmOutputs,
  rfmSegmentsFile,
  rfmSettings,
  rfmWorkflow,
  type RfmResult,
} from "../../src/workflows/index.js";
import { repoRoot, tempDir, writeInput } from "../helpers/cli.js";
import { errorOf } from "../helpers/errors.js";
import { recorder, SIX_CLIENTS, tableOf } from "./fixtures.js";

/** The hand-worked scores and segments, in the table's row order. */
const EXPECTED = [
  ["C1", 5, 5, 5, "Champions"],
  ["0042", 5, 1, 1, "New Customers"],
  ["C3", 4, 3, 4, "Potential Loyalist"],
  ["C4", 3, 1, 3, "Promising"],
  ["C5", 2, 4, 1, "Others"],
  ["C6", 1, 2, 2, "Lost"],
] as const;

/** Each client's [id, R, F, M, segment]. */
function scored(result: RfmResult): (string | number)[][] {
  const { scores, assignment, clients } = result;
  return clients.ids.map((id, i) => [
    id,
    scores.recencyScore[i]!,
    scores.frequencyScore[i]!,
    scores.monetaryScore[i]!,
    assignment.segment[i]!,
  ]);
}

describe("rfmWorkflow on a client table", () => {
  let result: RfmResult;
  const progress = recorder();

  beforeAll(async () => {
    const table = await tableOf(SIX_CLIENTS, { id: "client_id" });
    const clients = rfmClientsFromTable(table, {}, { withTenure: false, dropMissing: false });
    result = rfmWorkflow({ clients, settings: rfmSettings(), onProgress: progress.onProgress });
  });

  it("scores and segments every client as worked out by hand", () => {
    expect(scored(result)).toEqual(EXPECTED.map((row) => [...row]));
    expect(result.summary).toEqual(
      result.assignment.counts.map((c) => notes.segmentLine(c.name, c.count, c.share)),
    );
    expect(progress.notes()[0]).toBe(notes.scoringClients(6, "r-rfm", 5));
  });

  it("rfm.json records the cut points used and reads back through its reader", () => {
    const { artifact } = result;
    expect(artifact.thresholds.recency.cuts).toEqual([6, 11, 21, 41]);
    expect(artifact.thresholds.frequency.cuts).toEqual([3, 4, 5, 7]);
    expect(artifact.thresholds.monetary.cuts).toEqual([101, 201, 401, 801]);
    expect(artifact.input).toEqual({
      file: "clients.csv",
      rows: 6,
      idColumn: "client_id",
      dropped: 0,
    });
    expect(artifact.command).toBe("segwork (library)");
    expect(artifact.unmatchedCount).toBe(1);
    expect(parseRfm(writeRfm(artifact), "rfm.json")).toEqual(JSON.parse(writeRfm(artifact)));
  });

  it("gives the rfm command's files; segments.csv repeats the measures and scores", async () => {
    const files = await rfmFiles(result);
    expect(files.map((f) => f.name)).toEqual(rfmOutputs(false));
    expect(String(rfmSegmentsFile(result).content).split("\n").slice(0, 3)).toEqual([
      "id,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_score,segment",
      "C1,1,9,1600.5,5,5,5,555,Champions",
      "0042,5,1,50,5,1,1,511,New Customers",
    ]);
  });

  it("with a CLV config, values every client from its tenure", async () => {
    const table = await tableOf(
      "id,recency_days,frequency,monetary,tenure_days\na,10,1,100,365\nb,200,3,900,730\n",
      { id: "id" },
    );
    const settings = rfmSettings({
      bins: 2,
      segments: writeInput(
        tempDir(),
        "two.json",
        JSON.stringify({
          bins: 2,
          segments: [{ name: "Best", recency: 2, frequency: 2, monetary: 2 }],
        }),
      ),
      clv: path.join(repoRoot, "data/rules/clv.json"),
    });
    const clients = rfmClientsFromTable(table, {}, { withTenure: true, dropMissing: false });
    const clv = rfmWorkflow({ clients, settings }).clv!;
    // data/rules/clv.json: margin 0.3, discount 0.1, retention 0.8, 5 years; b earns 900 over 2 years.
    let multiplier = 0;
    for (let t = 1; t <= 5; t++) multiplier += 0.8 ** (t - 1) / 1.1 ** t;
    expect(clv.multiplier).toBeCloseTo(multiplier, 12);
    expect(clv.clv[1]).toBeCloseTo(0.3 * 450 * multiplier, 9);
    expect((await rfmFiles(rfmWorkflow({ clients, settings }))).map((f) => f.name)).toEqual(
      rfmOutputs(true),
    );
  });

  it("refuses a segment table written for other bins before any data is read", () => {
    const dir = tempDir();
    const seg4 = writeInput(
      dir,
      "seg4.json",
      JSON.stringify({
        bins: 4,
        segments: [{ name: "All", recency: [1, 4], frequency: [1, 4], monetary: [1, 4] }],
      }),
    );
    expect(errorOf(() => rfmSettings({ segments: seg4 })).message).toBe(
      rulesMsg.segmentBinsMismatch(seg4, 4, 5).message,
    );
  });
});

describe("rfmWorkflow from a transaction log", () => {
  it("derives the same six clients and gives them the same scores and segments", async () => {
    const progress = recorder();
    const log = path.join(repoRoot, "test/cli-rules/transactions.csv");
    const clients = await rfmClientsFromTransactions({
      transactions: log,
      id: "CustomerID",
      date: "InvoiceDate",
      amount: "Quantity*UnitPrice",
      invoice: "InvoiceNo",
      asOf: "2011-12-10",
      // A 30-line log: each line a rule drops is more than 1% of it.
      allowDropped: true,
      onProgress: progress.onProgress,
    });
    const result = rfmWorkflow({ clients, settings: rfmSettings() });
    // Ids come out sorted as text, so 0042 comes first.
    const byId = new Map(scored(result).map((row) => [row[0], row]));
    expect(result.clients.ids).toEqual(["0042", "C1", "C3", "C4", "C5", "C6"]);
    for (const row of EXPECTED) expect(byId.get(row[0])).toEqual([...row]);
    expect(result.artifact.input).toEqual({
      file: log,
      rows: 6,
      idColumn: "CustomerID",
      dropped: 0,
    });
    expect(result.report.segments?.transactions?.linesUsed).toBe(27);
    expect(progress.notes()[0]).toBe(notes.derivingFeatures(log));
  });
});
