/**
 * The seed-sensitivity section: its sentences follow the restarts' numbers
 * (hand cases), in English and Chinese.
 */
import { describe, expect, it } from "vitest";
import { seedSensitivityOf } from "../../src/evaluate/seed-sensitivity.js";
import { restartsVerdict, seedsSection } from "../../src/report/sections/seeds.js";
import { sectionContext } from "../../src/report/sections/section.js";

const visibleText = (html: string): string => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

const same = Int32Array.of(0, 0, 1, 1, 2, 2);
const relabelled = Int32Array.of(2, 2, 0, 0, 1, 1);
const other = Int32Array.of(0, 1, 0, 1, 2, 2);

describe("seedsSection", () => {
  it("says the restarts were enough when the best inertia was reached more than once", () => {
    const seeds = seedSensitivityOf(
      [
        { inertia: 12, labels: same },
        { inertia: 10, labels: relabelled },
        { inertia: 10, labels: same },
      ],
      3,
    );
    expect(restartsVerdict(seeds)).toBe("enough");
    const text = visibleText(String(seedsSection(seeds, sectionContext()).html));
    expect(text).toContain("2 of 3 k-means++ restarts at k = 3 reached the best inertia, 10");
    expect(text).toContain("20.00% above it");
    // Relabelled partitions are the same partition: ARI 1 between all three.
    expect(text).toContain("mean pairwise adjusted Rand index of 1.000 (lowest 1.000");
    expect(text).toContain("found by 2 restarts");
    expect(text).not.toContain("depend on the seed");
  });

  it("asks for more restarts when only one found the best, and warns when labelings differ", () => {
    const seeds = seedSensitivityOf(
      [
        { inertia: 10, labels: same },
        { inertia: 11, labels: other },
      ],
      3,
    );
    expect(restartsVerdict(seeds)).toBe("more");
    expect(seeds.meanPairwiseARI).toBeLessThan(0.9);
    const text = visibleText(String(seedsSection(seeds, sectionContext()).html));
    expect(text).toContain("Only one restart found the best solution");
    expect(text).toContain("(try 4)");
    expect(text).toContain("the clusters depend on the seed");
  });

  it("says one restart is no evidence", () => {
    const seeds = seedSensitivityOf([{ inertia: 10, labels: same }], 3);
    expect(restartsVerdict(seeds)).toBe("single");
    const text = visibleText(String(seedsSection(seeds, sectionContext()).html));
    expect(text).toContain("With one restart there is no evidence");
    expect(text).not.toContain("adjusted Rand");
  });

  it("is written in Chinese for zh-CN, with no English sentence left", () => {
    const seeds = seedSensitivityOf(
      [
        { inertia: 10, labels: same },
        { inertia: 10.5, labels: other },
      ],
      3,
    );
    const section = seedsSection(seeds, sectionContext({ lang: "zh-CN" }));
    expect(section.title).toBe("重启次数与随机种子");
    const text = visibleText(String(section.html));
    expect(text).toContain("2 次 k-means++ 重启中有 1 次达到最优惯性");
    expect(text).not.toMatch(/[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/);
  });
});
