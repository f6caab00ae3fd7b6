import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { outNameIsFolder } from "../../src/shared/messages/cli.js";
import { packageVersion } from "../../src/shared/package-info.js";
import { repoRoot, runCli, runCliInProcess, tempDir, writeInput } from "../helpers/cli.js";

/** GBK bytes of a string with ASCII and common CJK characters (via the gb18030 encoder of Python's tables is not at hand: use TextDecoder's inverse by lookup). */
function iconvGbk(text: string): number[] {
  // Build the inverse of TextDecoder("gbk") for the characters we need.
  const decoder = new TextDecoder("gbk");
  const needed = new Set([...text].filter((ch) => ch.charCodeAt(0) > 127));
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe && table.size < needed.size; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (needed.has(ch) && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return [...text].flatMap((ch) => (ch.charCodeAt(0) <= 127 ? [ch.charCodeAt(0)] : table.get(ch)!));
}

describe("sweep, cluster and grade (in-process)", () => {
  const dir = tempDir();
  const input = path.join(dir, "synth.csv");

  beforeAll(async () => {
    const r = await runCliInProcess([
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
  });

  it("synth writes a seeded table", () => {
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
    // fewer gap sets and resamples than the defaults keep this test quick; both still run
    "--gap-b",
    "10",
    "--stability-b",
    "5",
    "--out",
    out,
    "--quiet",
  ];

  it("same seed → byte-identical sweep.json; the planted k is recommended", async () => {
    const a = path.join(dir, "sweep-a");
    const b = path.join(dir, "sweep-b");
    for (const out of [a, b]) expect((await runCliInProcess(sweepArgs(out))).status).toBe(0);
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
        "gap",
        "stability",
        "votes",
      ]),
    );
    expect(sweep.formatVersion).toBe(4);
    expect([sweep.gap.references, sweep.stability.resamples]).toEqual([10, 5]);
    expect(sweep.rows).toBe(3000);
    expect(sweep.k.map((r: { k: number }) => r.k)).toEqual([2, 3, 4, 5, 6]);
    for (const row of sweep.k) {
      expect(Object.keys(row).sort()).toEqual(
        [
          "calinskiHarabasz",
          "daviesBouldin",
          "inertia",
          "iterations",
          "k",
          "silhouette",
          "gap",
          "gapSE",
          "stabilityARI",
          "stabilitySpread",
        ].sort(),
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

  it("--no-gap, --stability-b and --stability-sample reach sweep.json", async () => {
    const out = path.join(dir, "sweep-flags");
    const args = [
      ...sweepArgs(out),
      "--no-gap",
      "--stability-b",
      "5",
      "--stability-sample",
      "1000",
    ];
    expect((await runCliInProcess(args)).status).toBe(0);
    const sweep = JSON.parse(readFileSync(path.join(out, "sweep.json"), "utf8"));
    expect(sweep.gap).toBeNull();
    expect(sweep.votes.gap).toBeNull();
    expect(sweep.stability).toEqual({ resamples: 5, rows: 1000, sampled: true });
    expect(sweep.k.every((r: { stabilityARI: number | null }) => r.stabilityARI !== null)).toBe(
      true,
    );
  });

  it("--gap-d-power reaches the gap statistic and sweep.json; 2 by default", async () => {
    const readSweep = (out: string) =>
      JSON.parse(readFileSync(path.join(out, "sweep.json"), "utf8")) as {
        gap: { dPower: number };
        k: { gap: number }[];
      };
    const byDefault = readSweep(path.join(dir, "sweep-a"));
    expect(byDefault.gap.dPower).toBe(2);
    const out = path.join(dir, "sweep-d-power");
    const r = await runCliInProcess([...sweepArgs(out), "--no-stability", "--gap-d-power", "1"]);
    expect(r.status, r.stderr).toBe(0);
    const rPower = readSweep(out);
    expect(rPower.gap.dPower).toBe(1);
    // Unsquared distances give another W(k), so another gap curve.
    expect(rPower.k.map((row) => row.gap)).not.toEqual(byDefault.k.map((row) => row.gap));
    const bad = await runCliInProcess([
      ...sweepArgs(path.join(dir, "sweep-bad")),
      "--gap-d-power",
      "0",
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("dPower");
    expect(existsSync(path.join(dir, "sweep-bad"))).toBe(false);
  });

  it("same seed → byte-identical assignments.csv; outputs have their documented shape", async () => {
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
    for (const out of [a, b]) expect((await runCliInProcess(args(out))).status).toBe(0);
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

  it("fit on a seeded sample, score everywhere: grade agrees with the fit on the sampled rows", async () => {
    const fit = path.join(dir, "sampled");
    const graded = path.join(dir, "graded");
    const r = await runCliInProcess([
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
    const g = await runCliInProcess([
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

  it("a GBK file with Chinese headers: ids keep their zeros, labels and report work", async () => {
    // 客户编号 (client id), 最近消费天数 (days since last purchase), 消费频次 (purchases), 消费金额 (spend)
    const rows = ["客户编号,最近消费天数,消费频次,消费金额"];
    for (let i = 0; i < 60; i++) {
      const group = i % 3;
      const id = String(i + 1).padStart(5, "0");
      rows.push(
        `${id},${[5, 60, 200][group]! + (i % 7)},${[12, 4, 1][group]! + (i % 2)},${[5000, 900, 80][group]! + i * 3}`,
      );
    }
    const file = path.join(dir, "客户.csv");
    writeFileSync(file, new Uint8Array(iconvGbk(rows.join("\r\n") + "\r\n")));
    const out = path.join(dir, "gbk-run");
    const r = await runCliInProcess([
      "cluster",
      "--input",
      file,
      "--id",
      "客户编号",
      "--features",
      "最近消费天数,消费频次,消费金额",
      "--log",
      "消费金额",
      "--k",
      "3",
      "--seed",
      "1",
      "--out",
      out,
      "--quiet",
    ]);
    expect(r.status, r.stderr).toBe(0);
    const csv = readFileSync(path.join(out, "assignments.csv"), "utf8").trim().split("\n");
    expect(csv[1]!.startsWith("00001,")).toBe(true);
    const profiles = JSON.parse(readFileSync(path.join(out, "profiles.json"), "utf8"));
    // Ordered by 消费金额 (the monetary-like feature), descending; labelled from the Chinese names.
    expect(profiles.orderedBy).toBe("mean 消费金额, descending");
    expect(profiles.clusters[0].label).toMatch(/spend/);
    expect(readFileSync(path.join(out, "report.html"), "utf8")).toContain("最近消费天数");
  });
});

/**
 * What only a real process shows: argv as the shell hands it over, exit codes
 * as the shell sees them, the bin entry (through a link, from another
 * folder), and that a failed write leaves the previous results as they were.
 */
describe("segwork as a process", () => {
  const dir = tempDir("segwork-process-");
  const clients = writeInput(
    dir,
    "clients.csv",
    "client_id,recency_days,frequency,monetary\n" +
      Array.from(
        { length: 30 },
        (_, i) => `C${i},${(i * 13) % 97},${(i % 6) + 1},${50 + i * 17}`,
      ).join("\n") +
      "\n",
  );

  it("exit 0 for --version and --help, 1 for a usage error, 2 for bad input — never 70", () => {
    const version = runCli(["--version"]);
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${packageVersion()}\n`);

    const help = runCli(["--help"]);
    expect(help.status).toBe(0);
    for (const command of ["sweep", "cluster", "features", "rfm", "grade", "export-sql", "demo"])
      expect(help.stdout).toContain(`  ${command} `);

    const unknown = runCli(["frobnicate"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");

    const missing = runCli(["sweep", "--features", "monetary", "--out", path.join(dir, "x")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("required option '-i, --input <file>' not specified");

    const nope = path.join(dir, "nope.csv");
    const bad = runCli([
      "sweep",
      "--input",
      nope,
      "--features",
      "monetary",
      "--out",
      path.join(dir, "y"),
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^segwork: [^\n]*nope\.csv[^\n]*\n$/);
    expect(existsSync(path.join(dir, "y"))).toBe(false);
  });

  it("the bin entry runs through a link from another folder, arguments with spaces intact", () => {
    const bin = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).bin.segwork;
    const entry = path.join(repoRoot, bin);
    expect(readFileSync(entry, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    // As npm installs it: node_modules/.bin/segwork → the package's dist/cli/main.js.
    const work = path.join(dir, "elsewhere");
    mkdirSync(path.join(work, "node_modules/.bin"), { recursive: true });
    const link = path.join(work, "node_modules/.bin/segwork");
    symlinkSync(entry, link);
    const spaced = "my clients.csv";
    copyFileSync(clients, path.join(work, spaced));
    const r = spawnSync(
      process.execPath,
      [link, "rfm", "--input", spaced, "--id", "client_id", "--out", "runs/rfm q3", "--quiet"],
      { cwd: work, encoding: "utf8", env: { ...process.env, SOURCE_DATE_EPOCH: "1700000000" } },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    // The shipped rule configs are found from the package, not the working folder.
    const rfm = JSON.parse(readFileSync(path.join(work, "runs/rfm q3/rfm.json"), "utf8"));
    expect(rfm.input.file).toBe(spaced);
    expect(rfm.command).toBe(
      `segwork rfm --input 'my clients.csv' --id client_id --out 'runs/rfm q3' --quiet`,
    );
    expect(rfm.segmentsConfig).toBe(path.join(repoRoot, "data/rules/rfm-segments.json"));
  });

  it("a folder in the way of an output is refused before any work; the previous results stay", () => {
    const out = path.join(dir, "run");
    const args = [
      "sweep",
      "--input",
      clients,
      "--id",
      "client_id",
      "--features",
      "recency_days,monetary",
      "--k",
      "2..3",
      "--restarts",
      "2",
      "--out",
      out,
      "--quiet",
    ];
    expect(runCli(args).status).toBe(0);
    const before = readFileSync(path.join(out, "sweep.json"), "utf8");
    // Renaming over a folder fails: found only at the end, sweep.json would already be replaced.
    rmSync(path.join(out, "report.html"));
    mkdirSync(path.join(out, "report.html"));
    writeFileSync(path.join(out, "report.html", "keep.txt"), "mine");
    const r = runCli([...args.slice(0, -3), "--seed", "99", "--out", out, "--quiet"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`segwork: ${outNameIsFolder(path.join(out, "report.html")).message}\n`);
    expect(readFileSync(path.join(out, "sweep.json"), "utf8")).toBe(before);
    expect(readdirSync(out).sort()).toEqual(["report.html", "sweep.json"]);
  });
});
