/**
 * `--lang zh-CN` and `--binning median` through the CLI, on the six-client
 * table (test/helpers/six-clients.ts). Medians (type 7, n = 6: halfway
 * between the 3rd and 4th values): recency (10 + 20)/2 = 15, frequency
 * (3 + 4)/2 = 3.5, monetary (200 + 400)/2 = 300. Strictly better scores 2:
 *
 *   C1   1  9 1600.5 → R2 F2 M2 重要价值客户
 *   0042 5  1   50   → R2 F1 M1 一般发展客户
 *   C3  10  4  800   → R2 F2 M2 重要价值客户
 *   C4  20  2  400   → R1 F1 M2 重要挽留客户
 *   C5  40  6  100   → R1 F2 M1 一般保持客户
 *   C6  80  3  200   → R1 F1 M1 一般挽留客户
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SEGMENT_TABLE_HEADER_ZH } from "../../src/report/segment-table.js";
import { segmentLineZh } from "../../src/shared/messages/workflows.js";
import { tempDir, writeInput } from "../helpers/cli.js";
import { SIX_CLIENTS } from "../helpers/six-clients.js";
import { run, runOk } from "./run.js";

describe("segwork rfm --binning median --lang zh-CN", () => {
  const dir = tempDir("segwork-lang-");
  const input = writeInput(dir, "clients.csv", SIX_CLIENTS);
  const out = path.join(dir, "rfm");
  let stderr = "";
  beforeAll(async () => {
    stderr = await runOk([
      "rfm",
      "--input",
      input,
      "--id",
      "client_id",
      "--binning",
      "median",
      "--lang",
      "zh-CN",
      "--out",
      out,
    ]);
  });
  const read = (name: string) => readFileSync(path.join(out, name), "utf8");

  it("scores two levels around the medians and names the eight types", () => {
    const json = JSON.parse(read("rfm.json"));
    expect([json.binning, json.bins]).toEqual(["median", 2]);
    expect(json.thresholds.recency.cuts).toEqual([15]);
    expect(json.thresholds.frequency.cuts).toEqual([3.5]);
    expect(json.thresholds.monetary.cuts).toEqual([300]);
    const segments = read("segments.csv").trim().split("\n").slice(1);
    expect(segments.map((line) => line.split(",").slice(-2).join(","))).toEqual([
      "222,Important Value",
      "211,General Development",
      "222,Important Value",
      "112,Important Win-back",
      "121,General Retention",
      "111,General Win-back",
    ]);
  });

  it("prints the summary lines in Chinese", () => {
    expect(stderr).toContain(segmentLineZh("重要价值客户", 2, 2 / 6));
    expect(stderr).toContain(segmentLineZh("一般挽留客户", 1, 1 / 6));
  });

  it("writes a Chinese report and segment table", () => {
    const page = read("report.html");
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('<h2 id="rfm-segments-title">RFM 客户分群</h2>');
    expect(page).toContain('重要价值客户<span class="sub" lang="en">Important Value</span>');
    expect(read("segment-table.csv").split("\n")[0]).toBe(
      `\uFEFF${SEGMENT_TABLE_HEADER_ZH.join(",")}`,
    );
  });

  it("refuses a language it has no catalogue for (a usage error: exit 1, as commander reports bad choices)", async () => {
    const r = await run(["rfm", "--input", input, "--lang", "fr", "--out", path.join(dir, "x")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("--lang");
    expect(r.stderr).toContain("zh-CN");
  });
});
