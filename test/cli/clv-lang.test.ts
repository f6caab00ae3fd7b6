/**
 * `segwork clv --lang zh-CN` on CDNOW: the report in Chinese (`<html
 * lang="zh-CN">`, no three English words in a row in what a reader sees,
 * axis and legend titles in Chinese, the churn levels named 高 / 中 / 低) and
 * the printed lines in Chinese with the published fits and the run's counts.
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readClvCsv } from "../../src/artifacts/clv.js";
import { localeFor } from "../../src/report/i18n/locale.js";
import { CDNOW_CLI_ARGS } from "../clv/cdnow.js";
import { runCliInProcess, tempDir, type CliResult } from "../helpers/cli.js";
import { englishRuns, visibleText } from "../helpers/visible-text.js";

describe("segwork clv --lang zh-CN on CDNOW", () => {
  const dir = tempDir("segwork-clv-zh-");
  const out = path.join(dir, "clv");
  let result: CliResult;
  beforeAll(async () => {
    result = await runCliInProcess([...CDNOW_CLI_ARGS, "--lang", "zh-CN", "--out", out]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const page = (): string => readFileSync(path.join(out, "report.html"), "utf8");

  it("prints the fits and the churn levels in Chinese", async () => {
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      "BG/NBD：r 0.2426，α 4.414，a 0.7929，b 2.426（对数似然 -9582.43）",
    );
    expect(result.stderr).toContain("Gamma-Gamma：p 6.25，q 3.744，γ 15.44（对数似然 -4055.92）");
    // The level counts are clv.csv's.
    const rows = (await readClvCsv(path.join(out, "clv.csv"))).churnRisk;
    const count = (level: string): string =>
      localeFor("zh-CN").integer(rows.filter((r) => r === level).length);
    expect(result.stderr).toContain(`流失风险高：${count("high")} 位客户（`);
    expect(result.stderr).toContain(`流失风险低：${count("low")} 位客户（`);
    expect(result.stderr).toContain("已写入：");
  });

  it("writes the report in Chinese, charts included", () => {
    const html = page();
    expect(html).toContain('<html lang="zh-CN">');
    expect(englishRuns(visibleText(html))).toEqual([]);
    for (const title of [
      "校准期内的复购次数",
      "实际",
      "BG/NBD 模型",
      "累计复购次数",
      "预期 CLV",
      "客户数",
    ])
      expect(html, title).toContain(`>${title}</text>`);
    expect(html).toContain('<h2 id="clv-churn-title">流失风险等级</h2>');
    // The published sample: 946 repeat buyers, 2,457 repeat purchases.
    expect(html).toContain("946 位客户，共复购 2,457 次");
    expect(html).toMatch(/<td[^>]*>高<\/td>/);
  });
});
