/**
 * The periods workflow on the shipped Online Retail log: 2011's quarters
 * graded with a saved model, RFM cut points and the shipped scorecard.
 * Checks the migration identities, that frozen grading equals `grade` and
 * `rfm` with the saved cut points on each period's table, overrides in the
 * run, the partial last period, the artifacts read back by their readers,
 * and byte-identical files from a second run.
 */
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  parseKpis,
  parseMigration,
  parsePeriodsIndex,
  readPeriodAssignmentsFile,
} from "../../src/artifacts/periods.js";
import { clientFeaturesTable, deriveClientFeaturesByPeriod } from "../../src/features/index.js";
import { gradeTable, scoreRfmFrozen } from "../../src/grade/index.js";
import { NEW } from "../../src/compare/index.js";
import { renderPeriodReport } from "../../src/report/index.js";
import { readFrozenTiersFile } from "../../src/artifacts/frozen-tiers.js";
import {
  explainClientWorkflow,
  periodsDataFiles,
  periodsReportInput,
  periodsWorkflow,
  readPeriodsInputs,
  type PeriodsInputs,
  type PeriodsResult,
} from "../../src/workflows/index.js";
import { bodyRows, sectionHtml, sectionIds } from "../helpers/report-html.js";
import { LOG, saveArtifacts, TIERS, type SavedArtifacts } from "./fixtures.js";

const QUARTERS = { every: "quarter" as const, from: "2011-01-01", to: "2011-12-31" };

// The saved model and RFM settings, written once for the file; every test only reads them.
let saved: SavedArtifacts;
beforeAll(async () => {
  saved = await saveArtifacts();
}, 120_000);
afterAll(() => rmSync(saved.dir, { recursive: true, force: true }));

describe("periods workflow over 2011's quarters of the shipped log", () => {
  let inputs: PeriodsInputs;
  let run: PeriodsResult;
  const notes: string[] = [];

  beforeAll(async () => {
    const overrides = path.join(saved.dir, "overrides.csv");
    writeFileSync(
      overrides,
      [
        "client_id,tier,segment,reason,who,until",
        "12347,Bronze,,fraud check,li.wei,2011-12-31",
        "12348,,Champions,key account,li.wei,2011-05-31",
      ].join("\n") + "\n",
    );
    // A mailing to three Q1 clients in May 2011, and one record outside Q2.
    const campaign = path.join(saved.dir, "campaign.csv");
    writeFileSync(
      campaign,
      "client_id,campaign,date\n12347,spring-mail,2011-05-02\n12348,spring-mail,2011-05-02\n12350,spring-mail,2011-05-02\n12347,spring-mail,2011-09-01\n",
    );
    inputs = await readPeriodsInputs({
      model: saved.model,
      rfm: saved.rfm,
      tiers: TIERS,
      overrides,
      campaign,
    });
    run = await periodsWorkflow(
      {
        log: LOG,
        periods: QUARTERS,
        command: "segwork periods (test)",
        generatedAt: "2026-01-01T00:00:00Z",
        onProgress: (e) => (e.kind === "note" ? notes.push(e.text) : undefined),
      },
      inputs,
    );
  }, 120_000);

  it("grades four quarters, the last one partial (the log ends 2011-12-09)", () => {
    expect(run.periods.map((p) => [p.window.label, p.window.asOf, p.window.partial])).toEqual([
      ["2011-Q1", "2011-03-31", false],
      ["2011-Q2", "2011-06-30", false],
      ["2011-Q3", "2011-09-30", false],
      ["2011-Q4", "2011-12-10", true],
    ]);
    expect(run.settings).toMatchObject({ clusters: "frozen", rebin: false, inactiveDays: 365 });
    expect(notes.some((n) => n.startsWith("grading 2011-Q1"))).toBe(true);
  });

  /** The states of period i's clients as the i−1 → i matrix (or, for i = 0, the labels) left them. */
  const migrationOf = (scheme: "cluster" | "segment" | "tier", i: number): string[] =>
    i === 0
      ? run.periods[0]!.ids.map((_, j) =>
          run.periods[0]!.recencyDays[j]! >= 365 ? "inactive" : run.periods[0]!.labels[scheme]![j]!,
        )
      : run.migration[scheme]![i - 1]!.currentState;

  it("every client of period p is in exactly one row of the p−1 → p matrix; sums match the sizes", () => {
    for (const scheme of ["cluster", "segment", "tier"] as const) {
      run.migration[scheme]!.forEach((m, i) => {
        const [before, now] = [run.periods[i]!, run.periods[i + 1]!];
        const total = m.counts.flat().reduce((a, b) => a + b, 0);
        const gone = m.columns.indexOf("not in period");
        const inNow = m.columnTotals.reduce((a, b, c) => a + (c === gone ? 0 : b), 0);
        expect(inNow).toBe(now.ids.length);
        // Rows: the previous period's clients plus the new ones, each once.
        const newRow = m.rows.indexOf(NEW);
        expect(total - (newRow < 0 ? 0 : m.rowTotals[newRow]!)).toBe(before.ids.length);
        expect(m.currentState).toHaveLength(now.ids.length);
        const s = m.summary;
        expect(s.new + s.retained + s.reactivated).toBe(s.currentActive);
        // Column sums are this period's sizes per state; row sums the previous period's.
        m.columns.forEach((state, c) => {
          if (c === gone) return;
          expect(m.columnTotals[c]).toBe(m.currentState.filter((x) => x === state).length);
        });
        const before_ = migrationOf(scheme, i);
        m.rows.forEach((state, r) => {
          if (state === NEW) return;
          expect(m.rowTotals[r]).toBe(before_.filter((x) => x === state).length);
        });
      });
    }
  });

  it("frozen grading equals grade and rfm with the saved cut points on each period's table", async () => {
    const derived = await deriveClientFeaturesByPeriod(LOG, QUARTERS);
    derived.periods.forEach((period, p) => {
      const table = clientFeaturesTable(period.clients, `Q${p + 1}`);
      const graded = gradeTable(inputs.model!.model, table);
      expect(run.periods[p]!.labels.cluster).toEqual(
        Array.from(graded.cluster, (c) => (c < 0 ? "unscored" : String(c))),
      );
      const rfm = scoreRfmFrozen(inputs.rfm!, table);
      const segment = [...rfm.segments!.segment];
      // The one segment override in force before 2011-05-31 (Q1 only).
      const overridden = run.periods[p]!.overridden.segment!;
      overridden.forEach((o, i) => {
        if (o) segment[i] = "Champions";
      });
      expect(run.periods[p]!.labels.segment).toEqual(segment);
    });
  }, 60_000);

  it("measures the campaign within starting segments in the following quarter", () => {
    // campaign[0]: Q1 clients, targeted inside Q2 (the September record falls in Q3's window).
    const q2 = run.campaign[0]!;
    expect([q2.from, q2.to]).toEqual(["2011-04-01", "2011-06-30"]);
    expect(q2.used).toBe(3);
    expect(q2.outsideDates).toBe(1);
    expect(q2.effects.reduce((a, e) => a + e.targeted, 0)).toBe(3);
    expect(run.campaign[1]!.used).toBe(1);
  });

  it("shows the campaign effect in the Q2 report, and no refit drift in a frozen run", async () => {
    const page = await renderPeriodReport(periodsReportInput(run, { showIds: false }), 1);
    expect(sectionIds(page)).not.toContain("refit");
    const rows = bodyRows(sectionHtml(page, "campaign"));
    const effects = run.campaign[0]!.effects;
    // Campaign, starting segment, n targeted, n control, as the result has them.
    expect(rows.map((r) => r.slice(0, 4))).toEqual(
      effects.map((e) => [e.campaign, e.segment, String(e.targeted), String(e.control)]),
    );
    effects.forEach((e, i) => {
      const d = e.repurchase.difference;
      const small = e.targeted < 2 || e.control < 2;
      expect(rows[i]![8]).toBe(
        d === null ? "—" : small ? "n too small" : d.lower > 0 || d.upper < 0 ? "yes" : "no",
      );
    });
  }, 60_000);

  it("applies overrides in force and reports expired ones", () => {
    const [q1, q2] = run.periods;
    expect(q1!.overrides.applied.map((o) => [o.clientId, o.field])).toEqual([
      ["12347", "tier"],
      ["12348", "segment"],
    ]);
    expect(q2!.overrides.applied.map((o) => o.clientId)).toEqual(["12347"]);
    expect(q2!.overrides.expired.map((o) => o.clientId)).toEqual(["12348"]);
    expect(q2!.flags.filter((f) => f.code === "override-expired").map((f) => f.id)).toEqual([
      "12348",
    ]);
    const i = q2!.ids.indexOf("12347");
    expect(q2!.labels.tier![i]).toBe("Bronze");
  });

  it("saves the scorecard frozen on Q1: graded with that file alone, a client gets its tier of any period", async () => {
    const file = path.join(saved.dir, "tiers-frozen.json");
    const saved_ = periodsDataFiles(run).find((f) => f.name === "tiers-frozen.json")!;
    writeFileSync(file, saved_.content);
    const artifact = readFrozenTiersFile(file);
    expect(artifact.asOf).toBe("2011-03-31");
    expect(artifact.configFile).toBe(TIERS);
    expect(artifact.frozen.reference.rows).toBe(run.periods[0]!.ids.length);
    const frozenInputs = await readPeriodsInputs({ tiers: file });
    expect(frozenInputs.tiers!.frozen!.scorecard).toEqual(run.tiersFrozen!.scorecard);
    const noReference = () => new Error("asked for a reference");
    for (const p of [run.periods[1]!, run.periods[3]!]) {
      const seen = new Set<string>();
      p.ids.forEach((id, i) => {
        // Every tenth client, and the first of each tier (overridden ones keep their override).
        const tier = p.labels.tier![i]!;
        if (p.overridden.tier![i] || (i % 10 !== 0 && seen.has(tier))) return;
        seen.add(tier);
        const values = {
          recency_days: p.recencyDays[i]!,
          frequency: p.frequency[i]!,
          monetary: p.monetary[i]!,
        };
        const e = explainClientWorkflow(frozenInputs, { id, values }, noReference);
        expect(e.tier!.tier, `${p.window.label} ${id}`).toBe(tier);
      });
      expect([...seen].sort()).toEqual(["Bronze", "Diamond", "Gold", "Silver"]);
    }
  });

  it("writes artifacts that their readers accept, the same bytes on a second run", async () => {
    const files = periodsDataFiles(run);
    expect(files.map((f) => f.name)).toEqual([
      "periods.json",
      "migration.json",
      "kpis.json",
      "tiers-frozen.json",
      "assignments-2011-Q1.csv",
      "assignments-2011-Q2.csv",
      "assignments-2011-Q3.csv",
      "assignments-2011-Q4.csv",
    ]);
    const text = (name: string) => String(files.find((f) => f.name === name)!.content);
    const index = parsePeriodsIndex(text("periods.json"), "periods.json");
    expect(index.periods.map((p) => p.clients)).toEqual(run.periods.map((p) => p.ids.length));
    expect(index.periods[3]!.partial).toBe(true);
    expect(index.periods.every((p) => p.refit === null)).toBe(true);
    const migration = parseMigration(text("migration.json"), "migration.json");
    expect(migration.schemes.tier![0]!.counts).toEqual(run.migration.tier![0]!.counts);
    const kpis = parseKpis(text("kpis.json"), "kpis.json");
    expect(kpis.schemes.segment!.length).toBe(4);
    const file = path.join(saved.dir, "assignments-2011-Q2.csv");
    writeFileSync(file, text("assignments-2011-Q2.csv"));
    const back = await readPeriodAssignmentsFile(file);
    expect(back.ids).toEqual(run.periods[1]!.ids);
    expect(back.previousTier).toEqual(run.periods[1]!.previous.tier);
    const again = await periodsWorkflow(
      {
        log: LOG,
        periods: QUARTERS,
        command: "segwork periods (test)",
        generatedAt: "2026-01-01T00:00:00Z",
      },
      inputs,
    );
    expect(periodsDataFiles(again)).toEqual(files);
  }, 120_000);
});

describe("periods workflow over 2011's months, refitted and re-binned", () => {
  let run: PeriodsResult;

  beforeAll(async () => {
    const inputs = await readPeriodsInputs({ model: saved.model, rfm: saved.rfm });
    run = await periodsWorkflow(
      {
        log: LOG,
        periods: { every: "month", from: "2011-01-01", to: "2011-12-31" },
        clusters: "refit",
        rebin: true,
        seed: 3,
      },
      inputs,
    );
  }, 120_000);

  it("grades twelve months, December partial, with each month's own cut points and matched clusters", () => {
    expect(run.periods.map((p) => p.window.label)).toEqual(
      Array.from({ length: 12 }, (_, m) => `2011-${String(m + 1).padStart(2, "0")}`),
    );
    expect(run.periods.map((p) => p.window.partial)).toEqual([...Array(11).fill(false), true]);
    expect(run.settings).toMatchObject({ clusters: "refit", rebin: true, targetsOn: "segment" });
    // Rebinned: the recency cuts move with the growing client base.
    const cuts = run.periods.map((p) => JSON.stringify(p.rfmCuts!.recency));
    expect(new Set(cuts).size).toBeGreaterThan(1);
    for (const p of run.periods) {
      expect(p.refit!.match.pairs).toHaveLength(4);
      for (const pair of p.refit!.match.pairs) expect(pair.drift).toBeGreaterThanOrEqual(0);
    }
    expect(run.kpis.tier).toBeNull();
  });

  it("reports each refitted centroid's drift and poor match as the result has them", async () => {
    // periods.json carries them too, read back by its reader.
    const text = String(periodsDataFiles(run).find((f) => f.name === "periods.json")!.content);
    const index = parsePeriodsIndex(text, "periods.json");
    index.periods.forEach((entry, p) => {
      const match = run.periods[p]!.refit!.match;
      expect(entry.refit!.pairs.map((x) => [x.cluster, x.drift, x.poor])).toEqual(
        match.pairs.map((x) => [x.previous, x.drift, x.poor]),
      );
      expect(entry.refit!.poorMatches).toBe(match.poorMatches);
    });
    const input = periodsReportInput(run, { showIds: false });
    for (const p of [0, 6]) {
      const page = await renderPeriodReport(input, p);
      const section = sectionHtml(page, "refit");
      const pairs = run.periods[p]!.refit!.match.pairs;
      expect(bodyRows(section).map((r) => [r[0], r[2], r[5]])).toEqual(
        pairs.map((x) => [
          input.names.cluster[String(x.previous)],
          x.drift.toFixed(3),
          x.poor ? "yes" : "no",
        ]),
      );
      for (const x of pairs.filter((x) => x.poor))
        expect(section).toContain(`${input.names.cluster[String(x.previous)]} (nearest to`);
    }
  }, 60_000);

  it("keeps the matrix identities month to month", () => {
    for (const scheme of ["cluster", "segment"] as const) {
      expect(run.migration[scheme]).toHaveLength(11);
      run.migration[scheme]!.forEach((m, i) => {
        const now = run.periods[i + 1]!;
        const gone = m.columns.indexOf("not in period");
        expect(m.columnTotals.reduce((a, b, c) => a + (c === gone ? 0 : b), 0)).toBe(
          now.ids.length,
        );
        const s = m.summary;
        expect(s.new + s.retained + s.reactivated).toBe(s.currentActive);
      });
    }
  });
});
