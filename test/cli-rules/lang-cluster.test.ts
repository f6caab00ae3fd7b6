/**
 * `segwork cluster --lang zh-CN` through the CLI on the six-client table
 * (test/helpers/six-clients.ts): the one-line summaries name each cluster in
 * Chinese (read back from the label profiles.json keeps in English), and the
 * report is a Chinese page whose cluster names match those lines.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { localClusterLabel } from "../../src/report/i18n/cluster-labels.js";
import { localeFor } from "../../src/report/i18n/locale.js";
import { clusterLineZh } from "../../src/shared/messages/workflows.js";
import { tempDir, writeInput } from "../helpers/cli.js";
import { SIX_CLIENTS } from "../helpers/six-clients.js";
import { runOk } from "./run.js";

interface ProfileJson {
  clusters: { cluster: number; label: string; size: number; share: number }[];
}

describe("segwork cluster --lang zh-CN", () => {
  const dir = tempDir("segwork-lang-cluster-");
  const input = writeInput(dir, "clients.csv", SIX_CLIENTS);
  const out = path.join(dir, "cluster");
  let stderr = "";
  beforeAll(async () => {
    stderr = await runOk([
      "cluster",
      "--input",
      input,
      "--id",
      "client_id",
      "--features",
      "recency_days,frequency,monetary",
      "--k",
      "2",
      "--seed",
      "3",
      "--lang",
      "zh-CN",
      "--out",
      out,
    ]);
  });
  const read = (name: string) => readFileSync(path.join(out, name), "utf8");

  it("prints one Chinese line per cluster, with its size and share", () => {
    const profiles = JSON.parse(read("profiles.json")) as ProfileJson;
    expect(profiles.clusters.reduce((sum, c) => sum + c.size, 0)).toBe(6);
    for (const c of profiles.clusters) {
      const name = localClusterLabel(c.label, localeFor("zh-CN"));
      expect(name).toMatch(/[\u4e00-\u9fff]/);
      expect(stderr).toContain(clusterLineZh(c.cluster, name, c.size, c.share));
    }
    expect(stderr).not.toMatch(/^cluster \d+:/m);
  });

  it("writes a Chinese report naming the clusters as the lines do", () => {
    const page = read("report.html");
    expect(page).toContain('<html lang="zh-CN">');
    const profiles = JSON.parse(read("profiles.json")) as ProfileJson;
    for (const c of profiles.clusters)
      expect(page).toContain(`${c.cluster}: ${localClusterLabel(c.label, localeFor("zh-CN"))}`);
  });
});
