/**
 * `cluster --stability-b / --stability-sample / --no-stability`: parsed into
 * the report's profile table and into profiles.json, refused when invalid (exit 2, nothing written),
 * and the same seed still gives byte-identical outputs.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCliInProcess, tempDir } from "../helpers/cli.js";

describe("cluster's stability flags (in-process)", () => {
  const dir = tempDir();
  const input = path.join(dir, "synth.csv");
  const args = (out: string, ...more: string[]) => [
    "cluster",
    "--input",
    input,
    "--id",
    "client_id",
    "--features",
    "f1,f2,f3,f4",
    "--k",
    "4",
    "--restarts",
    "2",
    "--seed",
    "7",
    ...more,
    "--out",
    out,
    "--quiet",
  ];

  beforeAll(async () => {
    const r = await runCliInProcess([
      "synth",
      "--rows",
      "1200",
      "--features",
      "4",
      "--clusters",
      "4",
      "--seed",
      "3",
      "--out",
      input,
    ]);
    expect(r.status, r.stderr).toBe(0);
  });

  it("--stability-b and --stability-sample reach the profile table; same seed → same bytes", async () => {
    const [a, b] = [path.join(dir, "a"), path.join(dir, "b")];
    for (const out of [a, b]) {
      const r = await runCliInProcess(args(out, "--stability-b", "5", "--stability-sample", "500"));
      expect(r.status, r.stderr).toBe(0);
    }
    // The files differ only where they quote the command line's --out.
    const read = (out: string, name: string) =>
      readFileSync(path.join(out, name), "utf8").replaceAll(out, "OUT");
    for (const name of ["report.html", "assignments.csv", "model.json", "profiles.json"]) {
      expect(read(b, name)).toBe(read(a, name));
    }
    const html = readFileSync(path.join(a, "report.html"), "utf8");
    expect(html).toContain("in 5 bootstrap resamples of a seeded sample of 500 rows");
    // Four planted, separated clusters: every cluster reads stable or highly stable.
    expect((html.match(/\d\.\d\d (highly stable|stable)</g) ?? []).length).toBe(4);
    // profiles.json holds the same per-cluster figures, and the resampling they came from.
    const profiles = JSON.parse(read(a, "profiles.json"));
    expect(profiles.stability).toEqual({ resamples: 5, rows: 500, sampled: true });
    for (const c of profiles.clusters) {
      expect(["stable", "highly-stable"]).toContain(c.stability.verdict);
      expect(html).toContain(`${c.stability.jaccard.toFixed(2)} `);
    }
  });

  it("--no-stability leaves the column out", async () => {
    const out = path.join(dir, "off");
    expect((await runCliInProcess(args(out, "--no-stability"))).status).toBe(0);
    expect(readFileSync(path.join(out, "report.html"), "utf8")).not.toContain(
      "bootstrap resamples",
    );
    const profiles = JSON.parse(readFileSync(path.join(out, "profiles.json"), "utf8"));
    expect(profiles.stability).toBeUndefined();
    expect(profiles.clusters.some((c: { stability?: unknown }) => c.stability)).toBe(false);
  });

  it.each([
    ["--stability-b", "1"],
    ["--stability-b", "x"],
    ["--stability-sample", "0"],
  ])("%s %s is refused with exit 2 and nothing written", async (flag, value) => {
    const out = path.join(dir, `bad${flag}${value}`);
    const r = await runCliInProcess(args(out, flag, value));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(flag);
    expect(existsSync(out)).toBe(false);
  });
});
