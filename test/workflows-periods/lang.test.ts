/**
 * `segwork periods --lang zh-CN` on the shipped log's second half of 2011
 * (two quarters, the last partial): every page in Chinese — `<html
 * lang="zh-CN">`, no three English words in a row in what a reader sees
 * (the command line aside), period labels as 2011年第3季度, chart axes and
 * legends in Chinese, tier and segment names from their configs' nameZh —
 * and the printed summary lines in Chinese with the run's own counts.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPeriodsIndexFile } from "../../src/artifacts/periods.js";
import { localeFor } from "../../src/report/i18n/locale.js";
import { runCliInProcess, type CliResult } from "../helpers/cli.js";
import { englishRuns, visibleText } from "../helpers/visible-text.js";
import { LOG_ARGS, saveArtifacts, TIERS, type SavedArtifacts } from "./fixtures.js";

let saved: SavedArtifacts;
let out: string;
let result: CliResult;
const zh = localeFor("zh-CN");

beforeAll(async () => {
  saved = await saveArtifacts();
  out = path.join(saved.dir, "zh");
  const overrides = path.join(saved.dir, "overrides.csv");
  // Applied in Q3 (until 2011-12-31), so the overrides table shows.
  writeFileSync(
    overrides,
    "client_id,tier,reason,who,until\n12347,Bronze,fraud check,li.wei,2011-12-31\n",
  );
  result = await runCliInProcess([
    "periods",
    ...LOG_ARGS,
    "--every",
    "quarter",
    "--from",
    "2011-07-01",
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
    "--lang",
    "zh-CN",
    "--out",
    out,
  ]);
}, 120_000);

afterAll(() => rmSync(saved.dir, { recursive: true, force: true }));

const read = (name: string): string => readFileSync(path.join(out, name), "utf8");

describe("segwork periods --lang zh-CN", () => {
  it("prints each period's line in Chinese with the counts periods.json has", () => {
    expect(result.status, result.stderr).toBe(0);
    const index = readPeriodsIndexFile(path.join(out, "periods.json"));
    // The artifacts keep the run's labels; only the pages and lines are written for the reader.
    expect(index.periods.map((p) => [p.label, p.partial])).toEqual([
      ["2011-Q3", false],
      ["2011-Q4", true],
    ]);
    const [q3, q4] = index.periods;
    expect(result.stderr).toContain(
      `2011年第3季度（截至 2011-09-30）：${zh.integer(q3!.clients)} 位客户，${zh.integer(q3!.flagged)} 位待复核`,
    );
    expect(result.stderr).toContain(
      `2011年第4季度（截至 2011-12-10，本期不完整）：${zh.integer(q4!.clients)} 位客户，${zh.integer(q4!.flagged)} 位待复核`,
    );
    expect(result.stderr).toContain(`已写入 ${readdirSync(out).length} 个文件`);
  });

  it("writes every page in Chinese: lang attribute, no English prose", () => {
    const pages = ["index.html", "report-2011-Q3.html", "report-2011-Q4.html"];
    for (const page of pages) {
      const html = read(page);
      expect(html, page).toContain('<html lang="zh-CN">');
      // Cluster labels come from model.json as saved ("2: Very frequent · High spend"):
      // data, like the file names, yet none of them is three words in a row.
      expect(englishRuns(visibleText(html)), page).toEqual([]);
    }
  });

  it("names the periods, states, tiers and segments as a Chinese reader writes them", () => {
    const q4 = read("report-2011-Q4.html");
    expect(q4).toContain("<h1>分期客户分群复盘：2011年第4季度</h1>");
    expect(q4).toContain("2011年第4季度按截至2011年12月10日的数据评级");
    // The heatmap's axes name both periods; its states and the tiers are in Chinese.
    expect(q4).toContain(">2011年第3季度（上期）</text>");
    expect(q4).toContain(">2011年第4季度（本期）</text>");
    expect(q4).toContain(">新客户</text>");
    expect(q4).toContain(">钻石</text>");
    expect(q4).toContain(">冠军客户</text>");
    expect(q4).toContain(">占该行比例</text>");
    const q3 = read("report-2011-Q3.html");
    expect(q3).toMatch(/<td[^>]*>等级 = 青铜<\/td>/);
    const index = read("index.html");
    expect(index).toContain('<a href="report-2011-Q3.html">2011年第3季度</a>');
    for (const title of ["客户占比", "收入占比", "复购率（下一期）", "全部客户", "分群"])
      expect(index, title).toContain(`>${title}</text>`);
    expect(index).toContain(">2011年第4季度（不完整）</text>");
  });
});
