/**
 * The vote's sentences in the report's language: English is the stage's own
 * wording; zh-CN is worded from the numbers the stage returns, so changing
 * the evidence changes the Chinese sentence too.
 */
import { describe, expect, it } from "vitest";
import { voteK } from "../../src/evaluate/vote.js";
import { localeFor } from "../../src/report/i18n/locale.js";
import { ballotEvidence, voteReason } from "../../src/report/sections/vote-words.js";
import { sweepRows } from "../helpers/sweep-rows.js";

const en = localeFor("en");
const zh = localeFor("zh-CN");
const gapAt4 = { gap: [0.1, 0.3, 0.5, 0.6, 0.55, 0.5], se: [0.02, 0.02, 0.02, 0.02, 0.02, 0.02] };
const gapNone = {
  gap: [0.6, 0.5, 0.45, 0.4, 0.38, 0.35],
  se: [0.02, 0.02, 0.02, 0.02, 0.02, 0.02],
};
const rows = sweepRows(
  [0.3, 0.35, 0.5, 0.4, 0.3],
  [100, 200, 300, 250, 200],
  [1.2, 1.0, 0.6, 0.8, 0.9],
);
const stability = [0.99, 0.97, 0.95, 0.6, 0.5].map((ari, i) => ({ k: i + 2, ari }));

describe("the vote's words", () => {
  it("keep the stage's English sentences byte for byte", () => {
    const vote = voteK({ rows, elbowK: 4, gap: gapAt4, stability });
    expect(voteReason(vote, en)).toBe(vote.reason);
    for (const ballot of vote.ballots) expect(ballotEvidence(ballot, en)).toBe(ballot.evidence);
  });

  it("word each ballot in Chinese from its numbers", () => {
    const vote = voteK({ rows, elbowK: 4, gap: gapAt4, stability }, { stabilityThreshold: 0.9 });
    const evidence = Object.fromEntries(vote.ballots.map((b) => [b.index, ballotEvidence(b, zh)]));
    expect(evidence.knee).toBe("惯性曲线在 k = 4 处出现拐点");
    expect(evidence.silhouette).toBe("轮廓系数在 k = 4 处最高（0.500）");
    expect(evidence.daviesBouldin).toBe("Davies–Bouldin 指数在 k = 4 处最低");
    expect(evidence.jump).toBe("未计算跳跃法");
    expect(evidence.stability).toBe("k = 4 是自助重抽样能稳定复现的最大 k（ARI 0.95 ≥ 0.90）");
    expect(voteReason(vote, zh)).toMatch(
      /^推荐 k = 4：.*意见一致。依据：惯性曲线在 k = 4 处出现拐点；/,
    );
  });

  it("follow the data: no knee, no gap structure, stability short of its threshold", () => {
    const low = stability.map((s) => ({ ...s, ari: s.ari / 2 }));
    const vote = voteK({ rows, elbowK: null, gap: gapNone, stability: low });
    const byIndex = new Map(vote.ballots.map((b) => [b.index, b]));
    expect(ballotEvidence(byIndex.get("knee")!, zh)).toBe("在扫描的 k 范围内惯性曲线没有拐点");
    expect(ballotEvidence(byIndex.get("gap")!, zh)).toMatch(/^Gap 统计量未发现聚类结构（k = 1，/);
    expect(ballotEvidence(byIndex.get("stability")!, zh)).toBe(
      `重抽样中没有哪个 k 的 ARI 达到 ${zh.number(vote.ballots.find((b) => b.index === "stability")!.facts.threshold!, 2)}；k = 2 最接近（0.50）`,
    );
    const reason = voteReason(vote, zh);
    expect(reason).not.toMatch(/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/);
    if (vote.tieBreak) expect(reason).toContain("名次和");
  });

  it("word the grounds of 'no structure' in Chinese: a weak silhouette, no stable k, or both", () => {
    const unstable = stability.map((s) => ({ ...s, ari: s.ari / 2 }));
    const vote = voteK({ rows, elbowK: null, gap: gapNone, stability: unstable });
    expect(vote.confidence).toBe("no-structure");
    expect(voteReason(vote, zh)).toMatch(
      /^没有明显的聚类结构：Gap 统计量倾向于不分群，且没有一个 k 在重抽样下稳定（平均 ARI 最高 0.50 < 0.75）；k = \d/,
    );
    const flat = sweepRows(
      [0.2, 0.18, 0.17, 0.16, 0.15],
      [100, 90, 80, 70, 60],
      [1.5, 1.6, 1.7, 1.8, 1.9],
    );
    const both = voteK({ rows: flat, elbowK: null, gap: gapNone, stability: unstable });
    expect(voteReason(both, zh)).toContain("最佳轮廓系数仅为 0.200，且没有一个 k 在重抽样下稳定");
    const weakOnly = voteK({ rows: flat, elbowK: null, gap: gapNone, stability });
    expect(voteReason(weakOnly, zh)).toContain("Gap 统计量倾向于不分群，最佳轮廓系数仅为 0.200；");
  });

  it("word the BIC's four readings in Chinese: a peak, no structure, still rising at the range's end, skewed clusters", () => {
    const bicOf = (bestK: number): string =>
      ballotEvidence(
        voteK({ rows, elbowK: 4, bic: { bestK } }).ballots.find((b) => b.index === "bic")!,
        zh,
      );
    expect(bicOf(4)).toBe("按高斯混合模型计算的 BIC 在 k = 4 处最高");
    expect(bicOf(1)).toBe("按高斯混合模型计算的 BIC 在 k = 1 处最高，未发现聚类结构");
    // rows are k = 2..6
    expect(bicOf(6)).toBe("按高斯混合模型计算的 BIC 一直升到区间末端（k = 6），没有峰值");
    const skewed = voteK({ rows, elbowK: 4, bic: { bestK: 4, skewness: 1.234 } });
    expect(
      ballotEvidence(
        skewed.ballots.find((b) => b.index === "bic")!,
        zh,
      ),
    ).toBe(
      "按高斯混合模型计算的 BIC 在 k = 4 处最高，但这些群明显偏斜（平均 |偏度| 1.23 > 0.5），不是它假定的高斯分布，故弃权",
    );
    expect(
      ballotEvidence(
        voteK({ rows, elbowK: 4 }).ballots.find((b) => b.index === "bic")!,
        zh,
      ),
    ).toBe("未计算BIC");
  });

  it("keep the stage's sentence for vote data without numbers (older data)", () => {
    const vote = voteK({ rows, elbowK: 4, gap: gapAt4, stability });
    const old = { ...vote, ballots: vote.ballots.map(({ facts: _facts, ...b }) => b) };
    expect(voteReason(old as unknown as typeof vote, zh)).toBe(vote.reason);
  });
});
