/**
 * `segwork periods` in-process, as the example runs it on the
 * shipped log (plus --allow-dropped for its guest orders): the files
 * written, their readers, the printed lines, refused option mixes; then the
 * index page and one period's page in headless Chromium (no console
 * errors, no requests, charts drawn), with a screenshot of the index.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFrozenTiersFile } from "../../src/artifacts/frozen-tiers.js";
import { readKpisFile, readPeriodsIndexFile } from "../../src/artifacts/periods.js";
import { scoreFrozenScorecard, type ClientExplanation } from "../../src/grade/index.js";
import { explanationLines } from "../../src/shared/messages/explain.js";
import * as gradeMsg from "../../src/shared/messages/grade.js";
import * as msg from "../../src/shared/messages/periods.js";
import * as notes from "../../src/shared/messages/workflows.js";
import { repoRoot, runCliInProcess, type CliResult } from "../helpers/cli.js";
import {
  browserRequired,
  browserUnavailableReason,
  chartMarksAndWidths,
  launchBrowser,
  openReport,
} from "../report/browser.js";
import { LOG_ARGS, saveArtifacts, TIERS, type SavedArtifacts } from "./fixtures.js";

let saved: SavedArtifacts;
let out: string;
let result: CliResult;

const logArgs = LOG_ARGS;

beforeAll(async () => {
  saved = await saveArtifacts();
  out = path.join(saved.dir, "quarterly");
  const overrides = path.join(saved.dir, "overrides.csv");
  writeFileSync(
    overrides,
    "client_id,tier,reason,who,until\n12347,Bronze,fraud check,li.wei,2011-08-31\n",
  );
  const targets = path.join(saved.dir, "targets.json");
  writeFileSync(
    targets,
    JSON.stringify({
      targets: { Champions: ["repurchase_rate >= +10%"], "At Risk": ["reactivation_rate >= 20%"] },
    }),
  );
  result = await runCliInProcess([
    "periods",
    ...logArgs,
    "--every",
    "quarter",
    "--from",
    "2011-01-01",
    "--to",
    "2011-12-31",
    "--model",
    saved.model,
    "--rfm",
    saved.rfm,
    "--tiers",
    TIERS,
    "--overrides",
    overrides,
    "--targets",
    targets,
    "--out",
    out,
  ]);
}, 120_000);

afterAll(() => rmSync(saved.dir, { recursive: true, force: true }));

describe("segwork periods on the shipped log", () => {
  it("writes the index, the data files and one report per quarter", () => {
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      [
        "periods.json",
        "migration.json",
        "kpis.json",
        "tiers-frozen.json",
        "index.html",
        ...["Q1", "Q2", "Q3", "Q4"].flatMap((q) => [
          `assignments-2011-${q}.csv`,
          `report-2011-${q}.html`,
        ]),
      ].sort(),
    );
    const index = readPeriodsIndexFile(path.join(out, "periods.json"));
    expect(index.periods.map((p) => [p.label, p.partial])).toEqual([
      ["2011-Q1", false],
      ["2011-Q2", false],
      ["2011-Q3", false],
      ["2011-Q4", true],
    ]);
    // In force until 2011-08-31: applied in Q1 and Q2, expired (reported) from Q3 on.
    expect(index.periods.map((p) => p.overridesApplied)).toEqual([1, 1, 0, 0]);
    expect(index.periods.map((p) => p.overridesExpired)).toEqual([0, 0, 1, 1]);
    const kpis = readKpisFile(path.join(out, "kpis.json"));
    expect(kpis.targetsOn).toBe("segment");
    // Two targets checked in each of the four quarters.
    expect(kpis.targets).toHaveLength(8);
    expect(result.stderr).toContain(
      notes.periodLine(
        "2011-Q4",
        "2011-12-10",
        index.periods[3]!.clients,
        true,
        index.periods[3]!.flagged,
      ),
    );
  });

  it("refuses --as-of, and a period spec without --every or --at", async () => {
    const base = ["periods", ...logArgs, "--tiers", TIERS, "--out", path.join(saved.dir, "x")];
    const asOf = await runCliInProcess([...base, "--at", "2011-06-30", "--as-of", "2011-06-30"]);
    expect(asOf.status).not.toBe(0);
    expect(asOf.stderr).toContain(msg.periodsAsOf().message);
    const none = await runCliInProcess(base);
    expect(none.stderr).toContain(msg.periodsSpec().message);
    expect(existsSync(path.join(saved.dir, "x"))).toBe(false);
  });
});

describe("segwork periods --targets-on", () => {
  it("measures the targets on the scheme named, and refuses one the run does not grade", async () => {
    const targets = path.join(saved.dir, "tier-targets.json");
    writeFileSync(targets, JSON.stringify({ targets: { Gold: ["repurchase_rate >= 10%"] } }));
    const dir = path.join(saved.dir, "on-tiers");
    const base = ["periods", ...logArgs, "--at", "2011-06-30,2011-09-30", "--rfm", saved.rfm];
    const r = await runCliInProcess([
      ...base,
      "--tiers",
      TIERS,
      "--targets",
      targets,
      "--targets-on",
      "tier",
      "--out",
      dir,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const kpis = readKpisFile(path.join(dir, "kpis.json"));
    // Without --targets-on the run has RFM segments and would measure on them.
    expect(kpis.targetsOn).toBe("tier");
    expect(kpis.targets.map((t) => [t.period, t.segment])).toEqual([
      ["2011-06-30", "Gold"],
      ["2011-09-30", "Gold"],
    ]);
    const gold = kpis.schemes.tier![0]!.segments.find((s) => s.segment === "Gold")!;
    expect(kpis.targets[0]!.measured).toBe(gold.values.repurchase_rate);
    const ungraded = await runCliInProcess([
      ...base,
      "--targets-on",
      "cluster",
      "--out",
      path.join(saved.dir, "y"),
    ]);
    expect(ungraded.status).not.toBe(0);
    expect(ungraded.stderr).toContain(msg.targetsOnNotGraded("cluster", "--model").message);
    const unknown = await runCliInProcess([...base, "--targets-on", "region", "--out", dir]);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain("Allowed choices are cluster, segment, tier");
  }, 120_000);
});

describe("segwork grade --client", () => {
  const client = '{"id":"17850","recency_days":3,"frequency":12,"monetary":5400}';
  const reference = path.join(repoRoot, "data/online-retail-clients.csv");
  const args = ["grade", "--model", "", "--rfm", "", "--tiers", TIERS, "--client", client];

  it("prints the cluster with every distance, the RFM cut points and the tier's points", async () => {
    const withFiles = [...args];
    withFiles[2] = saved.model;
    withFiles[4] = saved.rfm;
    const json = await runCliInProcess([
      ...withFiles,
      "--reference",
      reference,
      "--id",
      "client_id",
      "--json",
    ]);
    expect(json.status, json.stderr).toBe(0);
    const e = JSON.parse(json.stdout) as ClientExplanation;
    expect(e.id).toBe("17850");
    // The cluster is the nearest centroid, and every centroid is listed.
    expect(e.cluster!.distances).toHaveLength(4);
    expect(e.cluster!.cluster).toBe(e.cluster!.distances[0]!.cluster);
    // Each R/F/M value lies in the bin the cut points give it.
    for (const m of e.rfm!.measures) {
      if (m.lower !== null) expect(m.value).toBeGreaterThanOrEqual(m.lower);
      if (m.upper !== null) expect(m.value).toBeLessThan(m.upper);
    }
    // The tier's score is the sum of its criteria's points (1e-9: float sums).
    const points = e.tier!.criteria.reduce((a, c) => a + c.points, 0);
    expect(Math.abs(points - e.tier!.score)).toBeLessThan(1e-9);
    const text = await runCliInProcess([
      ...withFiles,
      "--reference",
      reference,
      "--id",
      "client_id",
    ]);
    expect(text.stdout.split("\n")).toEqual([...explanationLines(e), ""]);
  });

  it("grades with the tiers-frozen.json a periods run saved, without --reference", async () => {
    const file = path.join(out, "tiers-frozen.json");
    const r = await runCliInProcess(["grade", "--tiers", file, "--client", client, "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout) as ClientExplanation;
    // The tier the frozen scorecard gives these values, as the periods run tiered every quarter.
    const frozen = readFrozenTiersFile(file).frozen;
    const expected = scoreFrozenScorecard(
      frozen,
      { recency_days: [3], frequency: [12], monetary: [5400] },
      ["17850"],
    );
    expect(e.tier!.tier).toBe(expected.tier[0]);
    expect(e.tier!.score).toBeCloseTo(expected.score[0]!, 12);
    expect(e.cluster).toBeNull();
    // A --reference beside a frozen scorecard would be ignored: refused, naming both files.
    const ignored = await runCliInProcess([
      "grade",
      "--tiers",
      file,
      "--reference",
      reference,
      "--client",
      client,
    ]);
    expect(ignored.status).toBe(2);
    expect(ignored.stderr).toContain(gradeMsg.referenceUnused(reference, file).message);
    expect(ignored.stdout).toBe("");
  });

  it("asks for --reference with --tiers, and for --input or --client", async () => {
    const noReference = await runCliInProcess(["grade", "--tiers", TIERS, "--client", client]);
    expect(noReference.stderr).toContain(gradeMsg.tiersReference().message);
    const noTiers = await runCliInProcess([
      "grade",
      "--model",
      saved.model,
      "--reference",
      reference,
      "--client",
      client,
    ]);
    expect(noTiers.stderr).toContain(gradeMsg.referenceUnused(reference, undefined).message);
    const nothing = await runCliInProcess(["grade", "--model", saved.model]);
    expect(nothing.stderr).toContain(gradeMsg.inputOrClient().message);
  });
});

const unavailable = browserUnavailableReason();
const skip = unavailable !== null && !browserRequired();
if (skip) console.warn(`periods reports in a browser skipped: ${unavailable}`);

describe.skipIf(skip)("the periods reports in headless Chromium", () => {
  it("index.html and a period's page load cleanly and draw their charts", async () => {
    const browser = (await launchBrowser())!;
    try {
      const index = await openReport(browser, path.join(out, "index.html"));
      expect(index.consoleErrors).toEqual([]);
      expect(index.requests).toEqual([]);
      const { marks } = await chartMarksAndWidths(
        index.page,
        "g.role-mark > path, g.role-mark > line, g.role-mark > text, g.role-mark > rect",
      );
      // Shares and KPI trends for each of the three schemes.
      expect(marks.length).toBe(6);
      for (const count of marks) expect(count).toBeGreaterThan(0);
      const links = await index.page.locator("a[href^='report-']").count();
      expect(links).toBe(4);
      mkdirSync(path.join(repoRoot, "reports"), { recursive: true });
      await index.page.screenshot({
        path: path.join(repoRoot, "reports", "periods-index-test.png"),
        fullPage: true,
      });
      const q2 = await openReport(browser, path.join(out, "report-2011-Q2.html"));
      expect(q2.consoleErrors).toEqual([]);
      expect(q2.requests).toEqual([]);
      const page = await chartMarksAndWidths(
        q2.page,
        "g.role-mark > path, g.role-mark > line, g.role-mark > text, g.role-mark > rect",
      );
      // A heatmap and a flow per scheme.
      expect(page.marks.length).toBe(6);
      for (const count of page.marks) expect(count).toBeGreaterThan(0);
      // The override's client is masked.
      const text = await q2.page.locator("body").innerText();
      expect(text).toContain("fraud check");
      expect(text).not.toContain("12347");
    } finally {
      await browser.close();
    }
  }, 60_000);
});
