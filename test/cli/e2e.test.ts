import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli, tempDir } from "../helpers/cli.js";

describe("sweep and cluster end to end", () => {
  const dir = tempDir();
  const input = path.join(dir, "synth.csv");

  it("synth writes a seeded table", () => {
    const r = runCli([
      "synth",
      "--rows",
      "3000",
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
    const lines = readFileSync(input, "utf8").trim().split("\n");
    expect(lines[0]).toBe("client_id,f1,f2,f3,f4");
    expect(lines).toHaveLength(3001);
    expect(lines[1]!.startsWith("C0000001,")).toBe(true);
  });

  const sweepArgs = (out: string) => [
    "sweep",
    "--input",
    input,
    "--id",
    "client_id",
    "--features",
    "f1,f2,f3,f4",
    "--k",
    "2..6",
    "--restarts",
    "4",
    "--seed",
    "7",
    "--out",
    out,
    "--quiet",
  ];

  it("same seed → byte-identical sweep.json; the planted k is recommended", () => {
    const a = path.join(dir, "sweep-a");
    const b = path.join(dir, "sweep-b");
    for (const out of [a, b]) expect(runCli(sweepArgs(out)).status).toBe(0);
    const jsonA = readFileSync(path.join(a, "sweep.json"), "utf8");
    expect(readFileSync(path.join(b, "sweep.json"), "utf8")).toBe(jsonA);
    const sweep = JSON.parse(jsonA);
    expect(Object.keys(sweep)).toEqual(
      expect.arrayContaining([
        "rows",
        "features",
        "scaling",
        "k",
        "elbowK",
        "silhouetteK",
        "recommendedK",
        "reason",
      ]),
    );
    expect(sweep.rows).toBe(3000);
    expect(sweep.k.map((r: { k: number }) => r.k)).toEqual([2, 3, 4, 5, 6]);
    for (const row of sweep.k) {
      expect(Object.keys(row).sort()).toEqual(
        ["calinskiHarabasz", "daviesBouldin", "inertia", "iterations", "k", "silhouette"].sort(),
      );
      expect(row.silhouette).toBeGreaterThanOrEqual(-1);
      expect(row.silhouette).toBeLessThanOrEqual(1);
    }
    // Inertia falls as k grows (best of restarts; well-separated blobs).
    for (let i = 1; i < sweep.k.length; i++)
      expect(sweep.k[i].inertia).toBeLessThan(sweep.k[i - 1].inertia);
    expect(sweep.recommendedK).toBe(4);
    expect(readFileSync(path.join(a, "report.html"), "utf8")).toContain("<svg");
  });

  it("same seed → byte-identical assignments.csv; outputs have their documented shape", () => {
    const args = (out: string) => [
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
      "4",
      "--seed",
      "7",
      "--out",
      out,
      "--quiet",
    ];
    const a = path.join(dir, "cluster-a");
    const b = path.join(dir, "cluster-b");
    for (const out of [a, b]) expect(runCli(args(out)).status).toBe(0);
    const csv = readFileSync(path.join(a, "assignments.csv"), "utf8");
    expect(readFileSync(path.join(b, "assignments.csv"), "utf8")).toBe(csv);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("id,cluster,label");
    expect(lines).toHaveLength(3001);
    expect(lines[1]!.startsWith("C0000001,")).toBe(true);

    const model = JSON.parse(readFileSync(path.join(a, "model.json"), "utf8"));
    expect(model.format).toBe("segwork-model");
    expect(model.fit.seed).toBe(7);
    expect(model.scaler.method).toBe("zscore");
    expect(model.clusters).toHaveLength(4);
    expect(model.clusters[0].centroidScaled).toHaveLength(4);
    expect(model.clusters[0].centroidOriginal).toHaveLength(4);

    const profiles = JSON.parse(readFileSync(path.join(a, "profiles.json"), "utf8"));
    expect(profiles.clusters.map((c: { cluster: number }) => c.cluster)).toEqual([0, 1, 2, 3]);
    const sizes = profiles.clusters.map((c: { size: number }) => c.size);
    expect(sizes.reduce((x: number, y: number) => x + y, 0)).toBe(3000);
    // Ordered by the first feature's mean, descending (no monetary-like feature here).
    const means = profiles.clusters.map((c: { mean: Record<string, number> }) => c.mean.f1);
    expect([...means].sort((x, y) => y - x)).toEqual(means);
    expect(new Set(profiles.clusters.map((c: { label: string }) => c.label)).size).toBe(4);
  });

  it("fit on a seeded sample, score everywhere: grade agrees with the fit on the sampled rows", () => {
    const fit = path.join(dir, "sampled");
    const graded = path.join(dir, "graded");
    const r = runCli([
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
      "3",
      "--seed",
      "5",
      "--sample",
      "1000",
      "--out",
      fit,
      "--quiet",
    ]);
    expect(r.status, r.stderr).toBe(0);
    const fitted = readFileSync(path.join(fit, "assignments.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1);
    expect(fitted).toHaveLength(1000);
    const g = runCli([
      "grade",
      "--model",
      path.join(fit, "model.json"),
      "--input",
      input,
      "--id",
      "client_id",
      "--out",
      graded,
      "--quiet",
    ]);
    expect(g.status, g.stderr).toBe(0);
    const all = new Map(
      readFileSync(path.join(graded, "assignments.csv"), "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => [line.split(",")[0]!, line] as const),
    );
    expect(all.size).toBe(3000);
    for (const line of fitted) expect(all.get(line.split(",")[0]!)).toBe(line);
  });

  it("the demo runs on the shipped data", () => {
    const out = path.join(dir, "demo");
    const r = runCli(["demo", "--out", out, "--quiet"], repoRoot);
    expect(r.status, r.stderr).toBe(0);
    const sweep = JSON.parse(readFileSync(path.join(out, "sweep.json"), "utf8"));
    expect(sweep.rows).toBeGreaterThan(4300);
    const html = readFileSync(path.join(out, "report.html"), "utf8");
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="?https?:/i);
    // Client ids are not printed without --show-ids.
    expect(html).not.toMatch(/>\s*1234[78]\s*</);
  });
});
