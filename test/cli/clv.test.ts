/**
 * `segwork clv` in-process: the CDNOW run writes clv.csv, clv.json and
 * report.html with the published fits, and each bad input of issue 14 is
 * one line on stderr, exit 2, nothing written.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLV_CSV_COLUMNS, parseClv, readClvCsv } from "../../src/artifacts/clv.js";
import * as clvMsg from "../../src/shared/messages/clv.js";
import { CLV_OUTPUTS } from "../../src/workflows/clv.js";
import { CDNOW_CLI_ARGS, CDNOW_SAMPLE } from "../clv/cdnow.js";
import { runCliInProcess, tempDir, writeInput } from "../helpers/cli.js";

const CDNOW_ARGS = CDNOW_CLI_ARGS;

/** A bad input: exit 2, one line naming the problem, no stack trace, nothing (nor litter) written. */
async function expectCleanFailure(args: string[], out: string, message: string): Promise<void> {
  const result = await runCliInProcess([...args, "--out", out, "--quiet"]);
  expect(result.status, result.stderr).toBe(2);
  const stderr = result.stderr.trim();
  expect(stderr.split("\n")).toHaveLength(1);
  expect(stderr).toBe(`segwork: ${message}`);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(path.dirname(out)).filter((f) => f.includes(".tmp-"))).toEqual([]);
}

describe("segwork clv on CDNOW", () => {
  let dir: string;
  let out: string;
  let stderr: string;
  let status: number | null;

  beforeAll(async () => {
    dir = tempDir("segwork-clv-cli-");
    out = path.join(dir, "runs", "clv");
    const result = await runCliInProcess([
      ...CDNOW_ARGS,
      "--horizon",
      "12",
      "--discount-rate",
      "0.01",
      "--margin",
      "0.3",
      "--out",
      out,
    ]);
    status = result.status;
    stderr = result.stderr;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 0, prints the fits and the files written (on stderr, as progress)", () => {
    expect(status, stderr).toBe(0);
    expect(stderr).toContain(
      "BG/NBD: r 0.2426, α 4.414, a 0.7929, b 2.426 (log-likelihood -9582.43)",
    );
    expect(stderr).toContain("Gamma-Gamma: p 6.25, q 3.744, γ 15.44 (log-likelihood -4055.92)");
    expect(readdirSync(out).sort()).toEqual([...CLV_OUTPUTS].sort());
  });

  it("clv.json records the command line's settings and the published fits", () => {
    const artifact = parseClv(readFileSync(path.join(out, "clv.json"), "utf8"), "clv.json");
    expect(artifact.command).toContain("segwork clv --transactions");
    expect(artifact.settings).toMatchObject({
      timeUnit: "weeks",
      calibrationEnd: "1997-09-30",
      holdoutEnd: "1998-06-30",
      horizonMonths: 12,
      monthlyDiscountRate: 0.01,
      margin: 0.3,
      keepDuplicates: true,
      negativeAmounts: "error",
    });
    expect(artifact.input.columns).toEqual(["customer_id", "sample_id", "date", "cds", "dollars"]);
    expect(Math.abs(artifact.bgnbd.logLikelihood - -9582.43)).toBeLessThanOrEqual(0.01);
    expect(artifact.gammaGamma.parameters.gamma.toFixed(2)).toBe("15.44");
  });

  it("clv.csv has one row per client with the usable columns", async () => {
    const rows = await readClvCsv(path.join(out, "clv.csv"));
    expect(rows.ids).toHaveLength(2357);
    expect(rows.table.headers).toEqual([...CLV_CSV_COLUMNS, "holdout_purchases"]);
    // P(alive) = 1 for every client without a repeat purchase (BG/NBD).
    for (let i = 0; i < rows.x.length; i++)
      if (rows.x[i] === 0) expect(rows.probabilityAlive[i]).toBe(1);
  });

  it("report.html is self-contained and masks ids by default", () => {
    const html = readFileSync(path.join(out, "report.html"), "utf8");
    expect(html).toContain('id="clv-alive"');
    expect(html).not.toContain(">00004<");
  });
});

describe("segwork clv: bad input is one line, exit 2, nothing written", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("segwork-clv-bad-");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const logArgs = (file: string, calibrationEnd = "2024-03-31") => [
    "clv",
    "--transactions",
    file,
    "--id",
    "id",
    "--date",
    "date",
    "--amount",
    "amount",
    "--calibration-end",
    calibrationEnd,
  ];
  const log = (name: string, lines: string[]) =>
    writeInput(dir, name, ["id,date,amount", ...lines, ""].join("\n"));

  it("no repeat buyers", async () => {
    const file = log("once.csv", ["a,2024-01-05,10", "b,2024-02-01,20", "c,2024-03-01,5"]);
    await expectCleanFailure(
      logArgs(file),
      path.join(dir, "o1"),
      clvMsg.noRepeatPurchases(3).message,
    );
  });

  it("repeat buyers whose purchases are all worth 0: Gamma-Gamma cannot be fitted", async () => {
    // CDNOW's dates (so BG/NBD fits) with every amount 0.
    const zero = readFileSync(CDNOW_SAMPLE, "utf8").replace(/\s+\S+$/gm, " 0");
    const file = writeInput(dir, "cdnow-zero.txt", zero);
    const args = CDNOW_ARGS.map((a) => (a === CDNOW_SAMPLE ? file : a));
    await expectCleanFailure(args, path.join(dir, "o2"), clvMsg.noRepeatBuyers(2357).message);
  });

  it("a calibration end before the first purchase", async () => {
    const file = log("late.csv", ["a,2024-05-05,10", "a,2024-06-01,20"]);
    await expectCleanFailure(
      logArgs(file),
      path.join(dir, "o3"),
      clvMsg.calibrationBeforeFirstPurchase(file, "2024-03-31", "2024-05-05").message,
    );
  });

  it("a holdout end before the calibration end", async () => {
    const file = log("h.csv", ["a,2024-01-05,10", "a,2024-02-05,4"]);
    await expectCleanFailure(
      [...logArgs(file), "--holdout-end", "2024-02-01"],
      path.join(dir, "o4"),
      clvMsg.holdoutNotAfterCalibration("2024-02-01", "2024-03-31").message,
    );
  });

  it("a negative amount", async () => {
    const file = log("neg.csv", ["a,2024-01-05,10", "a,2024-02-05,-4.5", "b,2024-01-10,20"]);
    await expectCleanFailure(
      logArgs(file),
      path.join(dir, "o5"),
      clvMsg.negativeAmount(file, "amount", 3, -4.5, 1).message,
    );
  });

  it("a fit that does not converge says so and writes nothing", async () => {
    // Two repeat buyers, both of zero repeat value, one client without: BG/NBD's optimum runs off.
    const file = log("flat.csv", [
      "a,2024-01-05,10",
      "a,2024-02-05,0",
      "b,2024-01-10,20",
      "b,2024-03-01,0",
      "c,2024-03-01,5",
    ]);
    const out = path.join(dir, "o6");
    const result = await runCliInProcess([...logArgs(file), "--out", out, "--quiet"]);
    expect(result.status).toBe(2);
    const stderr = result.stderr.trim();
    expect(stderr.split("\n")).toHaveLength(1);
    // The catalogue's message up to the numbers (iterations and gradient depend on the optimizer).
    const prefix = clvMsg.notConverged("BG/NBD", 0, 0, "").message.split(":")[0]!;
    expect(stderr.startsWith(`segwork: ${prefix}:`)).toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  it("a margin out of range fails before the log is read", async () => {
    await expectCleanFailure(
      [...logArgs(path.join(dir, "absent.csv")), "--margin", "1.5"],
      path.join(dir, "o7"),
      clvMsg.badOption("margin", 1.5, "must be a number from 0 to 1").message,
    );
  });
});
