/**
 * The CLV summary SQL (x, t_x, T, mean repeat spend, holdout) on a
 * hand-worked log and on the CDNOW sample (against a plain Node
 * aggregation of the same file), and its refusals.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  summarizeForClv,
  type ClvSummary,
  type ClvSummaryOptions,
} from "../../src/features/clv-summary.js";
import * as clvMsg from "../../src/shared/messages/clv.js";
import * as featuresMsg from "../../src/shared/messages/features.js";
import { CDNOW_SAMPLE, summarizeCdnow } from "../clv/cdnow.js";

let directory: string;
const write = (name: string, text: string): string => {
  const file = path.join(directory, name);
  writeFileSync(file, text);
  return file;
};
beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), "segwork-clv-summary-"));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function rejection(options: ClvSummaryOptions): Promise<Error> {
  try {
    await summarizeForClv(options);
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

// Client A: first day 2020-01-01 (two lines, 15), repeats on 01-08 (20, a line written twice) and
// 01-15 (30); holdout purchase 02-10 (7); 03-05 is after the holdout. B: first 01-20, holdout
// 02-01 (3 + 4). C starts after the calibration end. One line has no client.
const TINY = [
  "client,day,amount",
  "A,2020-01-01,10",
  "A,2020-01-01,5",
  "A,2020-01-08,20",
  "A,2020-01-08,20",
  "A,2020-01-15,30",
  "A,2020-02-10,7",
  "A,2020-03-05,9",
  "B,2020-01-20,12",
  "B,2020-02-01,3",
  "B,2020-02-01,4",
  "C,2020-02-05,50",
  ",2020-01-02,5",
].join("\n");

describe("summarizeForClv on a hand-worked log", () => {
  let tiny: string;
  beforeAll(() => {
    tiny = write("tiny.csv", `${TINY}\n`);
  });
  const base = (): ClvSummaryOptions => ({
    transactions: tiny,
    id: "client",
    date: "day",
    amount: "amount",
    calibrationEnd: "2020-01-31",
    holdoutEnd: "2020-02-29",
    timeUnit: "weeks",
  });

  it("gives x, t_x, T, the mean of the repeat days' totals and the holdout (duplicates kept)", async () => {
    const summary = await summarizeForClv(base());
    expect(summary.ids).toEqual(["A", "B"]);
    // A: x = 2 repeat days; t_x = 14 days; T = 30 days; repeat days 01-08 (20 + 20) and 01-15 (30).
    expect(Array.from(summary.x)).toEqual([2, 0]);
    expect(Array.from(summary.tx)).toEqual([14 / 7, 0]);
    expect(Array.from(summary.T)).toEqual([30 / 7, 11 / 7]);
    expect(Array.from(summary.monetary)).toEqual([35, 0]);
    expect(Array.from(summary.calibrationValue)).toEqual([85, 12]);
    expect(Array.from(summary.holdoutPurchases)).toEqual([1, 1]);
    expect(Array.from(summary.holdoutValue)).toEqual([7, 7]);
    expect(summary.firstPurchase).toEqual(["2020-01-01", "2020-01-20"]);
    expect(Array.from(summary.firstPurchaseDay)).toEqual([0, 19]);
    expect(summary).toMatchObject({
      cohortStart: "2020-01-01",
      calibrationEndDay: 30,
      endDay: 59,
      holdoutLength: 29 / 7,
      notes: [],
    });
    // Repeat purchase days: A on offsets 7, 14, 40; B on 31.
    const days = Array.from(summary.repeatPurchasesByDay);
    expect(days).toHaveLength(60);
    expect(days.flatMap((count, day) => (count > 0 ? [[day, count]] : []))).toEqual([
      [7, 1],
      [14, 1],
      [31, 1],
      [40, 1],
    ]);
    expect(summary.counts).toMatchObject({
      linesRead: 12,
      missingClientId: 1,
      duplicateLines: 1,
      keepDuplicates: true,
      clients: 2,
      clientsAfterCalibration: 1,
      repeatBuyers: 1,
      repeatPurchases: 2,
      firstPurchase: "2020-01-01",
      lastPurchase: "2020-03-05",
    });
  });

  it("in days, and with duplicate lines dropped (A's 01-08 total is then 20)", async () => {
    const summary = await summarizeForClv({ ...base(), timeUnit: "days", keepDuplicates: false });
    expect(Array.from(summary.tx)).toEqual([14, 0]);
    expect(Array.from(summary.T)).toEqual([30, 11]);
    expect(Array.from(summary.monetary)).toEqual([25, 0]);
    expect(summary.holdoutLength).toBe(29);
  });

  it("without a holdout, and notes a holdout that runs past the log", async () => {
    const none = await summarizeForClv({ ...base(), holdoutEnd: undefined });
    expect(none.holdoutEnd).toBeNull();
    expect(Array.from(none.holdoutPurchases)).toEqual([0, 0]);
    expect(none.endDay).toBe(30);
    const past = await summarizeForClv({ ...base(), holdoutEnd: "2020-04-30" });
    expect(past.notes).toEqual([clvMsg.holdoutBeyondLog("2020-04-30", "2020-03-05")]);
  });

  it("refuses a negative amount with its line, or leaves negative lines out when asked", async () => {
    const file = write("returns.csv", `${TINY}\nA,2020-01-20,-4\n`);
    const error = await rejection({ ...base(), transactions: file });
    expect(error.message).toBe(clvMsg.negativeAmount(file, "amount", 14, -4, 1).message);
    const dropped = await summarizeForClv({
      ...base(),
      transactions: file,
      negativeAmounts: "drop",
    });
    expect(dropped.counts.negativeAmountLines).toBe(1);
    expect(Array.from(dropped.x)).toEqual([2, 0]);
  });

  it("refuses a holdout end not after the calibration end, and a calibration end before the first purchase", async () => {
    expect((await rejection({ ...base(), holdoutEnd: "2020-01-15" })).message).toBe(
      clvMsg.holdoutNotAfterCalibration("2020-01-15", "2020-01-31").message,
    );
    expect((await rejection({ ...base(), holdoutEnd: "2020-01-31" })).message).toBe(
      clvMsg.holdoutNotAfterCalibration("2020-01-31", "2020-01-31").message,
    );
    expect(
      (await rejection({ ...base(), calibrationEnd: "2019-12-31", holdoutEnd: undefined })).message,
    ).toBe(clvMsg.calibrationBeforeFirstPurchase(tiny, "2019-12-31", "2020-01-01").message);
    expect((await rejection({ ...base(), calibrationEnd: "2020-02-30" })).message).toBe(
      clvMsg.badDateOption("--calibration-end", "2020-02-30").message,
    );
  });

  it("refuses an unreadable date with its line, as the features stage does", async () => {
    const file = write("bad-date.csv", `${TINY}\nB,someday,4\n`);
    const error = await rejection({ ...base(), transactions: file });
    expect(error.message).toBe(
      featuresMsg.unparseableDate(
        file,
        "day",
        14,
        "someday",
        1,
        "ISO 8601 (2010-12-01 08:26:00), %m/%d/%Y [%H:%M[:%S]], %d.%m.%Y [%H:%M[:%S]] or %Y%m%d",
      ).message,
    );
  });

  it("reads a headerless file with the column names given (line numbers stay the file's)", async () => {
    const file = write(
      "headerless.csv",
      `${TINY.split("\n").slice(1).join("\n")}\nA,2020-01-20,-4\n`,
    );
    const options = { ...base(), transactions: file, columns: ["client", "day", "amount"] };
    expect((await rejection(options)).message).toBe(
      clvMsg.negativeAmount(file, "amount", 13, -4, 1).message,
    );
    const summary = await summarizeForClv({ ...options, negativeAmounts: "drop" });
    expect(Array.from(summary.monetary)).toEqual([35, 0]);
  });
});

describe("summarizeForClv on the CDNOW sample (calibration to 1997-09-30, holdout to 1998-06-30)", () => {
  let summary: ClvSummary;
  beforeAll(async () => {
    summary = await summarizeCdnow("weeks");
  });

  it("has 2,357 clients, 946 repeat buyers and 2,457 repeat purchases, and 39 weeks of calibration", () => {
    expect(summary.counts).toMatchObject({
      linesRead: 6919,
      duplicateLines: 21,
      clients: 2357,
      clientsAfterCalibration: 0,
      repeatBuyers: 946,
      repeatPurchases: 2457,
      firstPurchase: "1997-01-01",
      lastPurchase: "1998-06-30",
    });
    expect(summary.cohortStart).toBe("1997-01-01");
    expect(summary.holdoutLength).toBe(273 / 7);
    expect(Math.max(...summary.T)).toBe(272 / 7); // 38.857 weeks: first purchases on 1997-01-01
  });

  it("agrees row by row with a plain Node aggregation of the file", () => {
    // Independent reference: per client, the dollar total of each YYYYMMDD (every line counted).
    const days = new Map<string, Map<string, number>>();
    for (const line of readFileSync(CDNOW_SAMPLE, "utf8").split(/\r?\n/)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 5) continue;
      const [id, , day, , dollars] = fields as [string, string, string, string, string];
      const client = days.get(id) ?? new Map<string, number>();
      client.set(day, (client.get(day) ?? 0) + Math.round(Number(dollars) * 100));
      days.set(id, client);
    }
    const dayNumber = (d: string): number =>
      Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6)) / 86_400_000;
    const end = dayNumber("19970930");
    const holdoutEnd = dayNumber("19980630");
    const mismatches: string[] = [];
    let holdoutTotal = 0;
    summary.ids.forEach((id, i) => {
      const sorted = [...days.get(id)!.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
      const calibration = sorted.filter(([d]) => dayNumber(d) <= end);
      const first = dayNumber(calibration[0]![0]);
      const x = calibration.length - 1;
      const repeatCents = calibration.slice(1).reduce((s, [, c]) => s + c, 0);
      const holdout = sorted.filter(([d]) => dayNumber(d) > end && dayNumber(d) <= holdoutEnd);
      holdoutTotal += holdout.length;
      const want = {
        x,
        tx: (dayNumber(calibration[x]![0]) - first) / 7,
        T: (end - first) / 7,
        monetary: x > 0 ? repeatCents / 100 / x : 0,
        holdout: holdout.length,
        holdoutValue: holdout.reduce((s, [, c]) => s + c, 0) / 100,
      };
      const got = {
        x: summary.x[i],
        tx: summary.tx[i],
        T: summary.T[i],
        monetary: summary.monetary[i],
        holdout: summary.holdoutPurchases[i],
        holdoutValue: summary.holdoutValue[i],
      };
      const same =
        got.x === want.x &&
        got.tx === want.tx &&
        got.T === want.T &&
        got.holdout === want.holdout &&
        Math.abs(got.monetary! - want.monetary) < 1e-9 &&
        Math.abs(got.holdoutValue! - want.holdoutValue) < 1e-9;
      if (!same && mismatches.length < 5)
        mismatches.push(`${id}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
    });
    expect(mismatches).toEqual([]);
    expect(summary.ids).toHaveLength(days.size);
    expect(summary.holdoutPurchases.reduce((s, v) => s + v, 0)).toBe(holdoutTotal);
    const byDay = summary.repeatPurchasesByDay.reduce((s, v) => s + v, 0);
    expect(byDay).toBe(2457 + holdoutTotal);
  });
});
