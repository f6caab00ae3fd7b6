/**
 * A `.csv.gz` log that was cut short — half of it, or only its first 60 bytes
 * (the gzip header and the start of the first deflate block) — is one
 * SegworkError naming the file, every time: no unhandled zlib `error` event
 * (the header used to be read through a stream nobody listened to), no
 * "unexpected end of file" internal error, and never half a log passing for
 * a whole one (DuckDB reads a gzip file cut at a line break without a word).
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { constants, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { deriveClientFeatures, type FeaturesOptions } from "../../src/features/index.js";
import { SegworkError } from "../../src/shared/errors.js";
import * as loadMessages from "../../src/shared/messages/load.js";
import { repoRoot, runCli, tempDir } from "../helpers/cli.js";

const scratch = tempDir("segwork-truncated-gz-");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A small log (2,000 lines, ~40 kB gzipped) so that each run is quick. */
const lines = ["id,day,amount"];
for (let i = 0; i < 2000; i++)
  lines.push(`c${i % 97},2011-01-${String((i % 28) + 1).padStart(2, "0")},${i}.5`);
const whole = gzipSync(Buffer.from(lines.join("\n") + "\n"));
/** Ends exactly after a line: the remaining deflate data would decode to whole lines. */
const cutAtLineBreak = (() => {
  for (let length = Math.floor(whole.length / 2); length > 0; length--) {
    const text = inflatedPrefix(whole.subarray(0, length));
    if (text.endsWith("\n")) return whole.subarray(0, length);
  }
  throw new Error("no cut at a line break");
})();

function inflatedPrefix(bytes: Uint8Array): string {
  return gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8");
}

const cases: [string, Uint8Array][] = [
  ["half.csv.gz", whole.subarray(0, Math.floor(whole.length / 2))],
  ["first-60-bytes.csv.gz", whole.subarray(0, 60)],
  ["cut-at-a-line-break.csv.gz", cutAtLineBreak],
  [
    "online-retail-half.csv.gz",
    (() => {
      const log = readFileSync(path.join(repoRoot, "data/online-retail-transactions.csv.gz"));
      return log.subarray(0, Math.floor(log.length / 2));
    })(),
  ],
];

const optionsFor = (file: string): FeaturesOptions =>
  file.includes("online-retail")
    ? {
        transactions: file,
        id: "CustomerID",
        date: "InvoiceDate",
        amount: "Quantity*UnitPrice",
        invoice: "InvoiceNo",
      }
    : { transactions: file, id: "id", date: "day", amount: "amount" };

describe("a truncated .csv.gz transaction log", () => {
  for (const [name, bytes] of cases) {
    it(`${name}: the same one-line SegworkError on every run`, async () => {
      const file = path.join(scratch, name);
      writeFileSync(file, bytes);
      const runs = name.startsWith("online-retail") ? 3 : 25;
      for (let run = 0; run < runs; run++) {
        const error = await deriveClientFeatures(optionsFor(file)).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(SegworkError);
        expect((error as SegworkError).message).toBe(loadMessages.corruptGzip(file).message);
        expect((error as SegworkError).exitCode).toBe(2);
      }
    });
  }

  it("the whole file still reads", async () => {
    const file = path.join(scratch, "whole.csv.gz");
    writeFileSync(file, whole);
    const { summary } = await deriveClientFeatures(optionsFor(file));
    expect(summary.linesRead).toBe(2000);
  });

  it("the CLI prints one line, exits 2 and writes nothing", () => {
    const out = tempDir("segwork-truncated-gz-out-");
    try {
      const file = path.join(scratch, "first-60-bytes.csv.gz");
      writeFileSync(file, whole.subarray(0, 60));
      const result = runCli([
        "features",
        ...["--transactions", file, "--id", "id", "--date", "day", "--amount", "amount"],
        ...["--out", path.join(out, "clients.csv"), "--quiet"],
      ]);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`segwork: ${loadMessages.corruptGzip(file).message}\n`);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
