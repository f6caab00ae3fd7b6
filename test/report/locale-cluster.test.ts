/**
 * The K-Means report in zh-CN: every section of a sweep and a clustering is
 * written in Chinese (no run of three English words left in its visible
 * text, once the user's own names are taken out), every chart title of the
 * K-Means spec builders is Chinese, cluster names are read back into
 * Chinese word by word, the cleaning notes are restated from the counts, and
 * English stays exactly as it was.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { describeFeature, labelClusters } from "../../src/evaluate/labels.js";
import type { Profiles } from "../../src/evaluate/profile-types.js";
import { renderClusterReport } from "../../src/report/documents/cluster-report.js";
import { localClusterLabel, localOrderedBy } from "../../src/report/i18n/cluster-labels.js";
import { localeFor } from "../../src/report/i18n/locale.js";
import { cleaningNotes, columnAction } from "../../src/report/sections/data-notes.js";
import { scalingSection } from "../../src/report/sections/scaling.js";
import { sectionContext } from "../../src/report/sections/section.js";
import { elbowSpec } from "../../src/report/specs/elbow.js";
import { gapSpec } from "../../src/report/specs/gap.js";
import { pcaScatterSpec, pcAxisTitle } from "../../src/report/specs/pca.js";
import { clusterSizeSpec, profileHeatmapSpec } from "../../src/report/specs/profile.js";
import { qualityIndicesSpec } from "../../src/report/specs/quality.js";
import { silhouetteKnifeSpec } from "../../src/report/specs/silhouette.js";
import { sweepComparisonSpec } from "../../src/report/specs/sweep-comparison.js";
import type { ClusterReportInput } from "../../src/report/types.js";
import * as msg from "../../src/shared/messages/workflows.js";
import { clusterLines, recommendedLine } from "../../src/workflows/summary-lines.js";
import { voteReason } from "../../src/report/sections/vote-words.js";
import { prepare } from "../../src/prepare/index.js";
import { tableFrom } from "../helpers/table.js";
import { sectionHtml, sectionIds, unescape } from "../helpers/report-html.js";
import { makeReportInput } from "./fixture.js";

const ZH = localeFor("zh-CN");
const EN = localeFor("en");
const CJK = /[\u4e00-\u9fff]/;
/** Three Latin words in a row, separated by spaces or light punctuation. */
const ENGLISH_RUN = /[A-Za-z][A-Za-z'’-]*(?:[\s,.:;()=]+[A-Za-z][A-Za-z'’-]*){2,}/;

/** The fixture, with the cluster labels the evaluate stage would give its centroids. */
function stageLabelled(input: ClusterReportInput): ClusterReportInput {
  const profiles = input.cluster!.profiles;
  const labels = labelClusters(profiles.clusters.map((c) => c.zCentroid));
  const relabelled: Profiles = {
    ...profiles,
    clusters: profiles.clusters.map((c, i) => ({ ...c, label: labels[i]! })),
  };
  return { ...input, cluster: { ...input.cluster!, profiles: relabelled } };
}

/** Visible text of each section by id: tags dropped, text alternatives kept, entities decoded. */
function sectionTexts(html: string): Map<string, string> {
  const body = html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, "");
  return new Map(
    sectionIds(body).map((id) => [
      id,
      unescape(
        sectionHtml(body, id)
          .replace(/aria-label="([^"]*)"([^>]*)>/g, "$2> $1 ")
          .replace(/>/g, "> "),
      ),
    ]),
  );
}

/** Every title of a vega-lite spec (axis, legend, panel), flattened to strings. */
function titlesOf(spec: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "title" && typeof value === "string") out.push(value);
      else if (key === "title" && Array.isArray(value)) out.push(value.join(" "));
      else if (key === "title" && value && typeof value === "object" && "text" in value)
        out.push(String(value.text));
      else walk(value);
    }
  };
  walk(spec);
  return out;
}

describe("a zh-CN sweep and cluster report", () => {
  let input: ClusterReportInput;
  let zh: Map<string, string>;
  let en: Map<string, string>;
  let zhPage: string;
  beforeAll(async () => {
    input = stageLabelled(makeReportInput({ rows: 400, exampleIds: true }));
    let enPage: string;
    [zhPage, enPage] = await Promise.all([
      renderClusterReport({ ...input, lang: "zh-CN" }),
      renderClusterReport(input),
    ]);
    zh = sectionTexts(zhPage);
    en = sectionTexts(enPage);
  });

  const SECTIONS = [
    "summary",
    "data",
    "scaling",
    "elbow",
    "quality",
    "recommendation",
    "silhouette",
    "pca",
    "profiles",
    "sizes",
    "examples",
  ];

  it.each(SECTIONS)("writes section %s with no run of three English words", (id) => {
    let text = zh.get(id);
    expect(text, id).toBeDefined();
    // The user's own names stay as given: feature names and the source file.
    for (const name of [...input.features, input.summary.source])
      text = text!.split(name).join(" ");
    expect(text, id).toMatch(CJK);
    expect(ENGLISH_RUN.exec(text!)?.[0], id).toBeUndefined();
    // The check is not vacuous: the English report's same section has such runs.
    expect(en.get(id), id).toMatch(ENGLISH_RUN);
  });

  it("says what the report holds in a Chinese subtitle", () => {
    const k = input.cluster!.k;
    expect(zhPage).toContain(
      `<p class="subtitle">K-Means 聚类，k = ${k}，共 ${input.summary.keptRows} 行、4 个特征；并扫描了 k 以选定簇数。</p>`,
    );
  });

  it("names every cluster in Chinese, the same in the table and the charts", () => {
    const names = sectionContext({ profiles: input.cluster!.profiles, lang: "zh-CN" }).clusterNames;
    for (const [cluster, name] of Object.entries(names)) {
      expect(name, cluster).toMatch(CJK);
      const words = input.features.reduce((text, feature) => text.split(feature).join(""), name);
      expect(words, cluster).not.toMatch(/[A-Za-z]{3}/);
      // The table shows the whole name; chart legends may shorten long ones with "…".
      expect(zh.get("silhouette"), cluster).toContain(`${cluster}: ${name}`);
      for (const id of ["pca", "sizes", "profiles"])
        expect(zh.get(id), `${id} ${cluster}`).toContain(`${cluster}: ${name.split(" · ")[0]}`);
    }
  });
});

describe("the data section's notes in zh-CN", () => {
  // 7 rows: id "b" twice (the second dropped), one missing frequency, one
  // monetary of −3 (log1p undefined), so every kind of note is written.
  const table = tableFrom(
    {
      frequency: [1, 2, 3, null, 5, 6, 7],
      monetary: [10, 20, -3, 40, 50, 60, 70],
    },
    ["a", "b", "c", "d", "e", "f", "b"],
    "clients.csv",
  );
  const prepared = prepare(table, { features: ["frequency", "monetary"], log: ["monetary"] });
  const { summary, scaler } = prepared;

  it("states each of the stage's notes from the counts, in the same order", () => {
    const notes = cleaningNotes(summary, ZH, scaler);
    expect(summary.notes).toHaveLength(6);
    expect(notes).toEqual([
      "从 clients.csv 读取了 7 行。",
      "有 1 个编号出现不止一次；每个编号保留第一行（删除 1 行）。",
      "删除了 1 行特征值缺失的数据。",
      "删除了 1 行无法取 log1p 的数据（值 ≤ −1）：monetary 中 1 行。",
      "缩放前对 monetary 取了 log1p。",
      "已标准化为 z 分数（均值 0、总体标准差 1），与 scikit-learn 的 StandardScaler 一致。",
    ]);
    expect(columnAction(summary.columns[1]!, summary.impute, ZH, scaler)).toBe(
      "1 个 ≤ −1 → 删除所在行；log1p；z 分数标准化",
    );
  });

  it("keeps the stage's English notes and actions as they are", () => {
    expect(cleaningNotes(summary, EN, scaler)).toBe(summary.notes);
    for (const column of summary.columns)
      expect(columnAction(column, summary.impute, EN, scaler)).toBe(column.action);
  });
});

describe("cluster labels in Chinese", () => {
  const FEATURES = [
    "recency_days",
    "tenure_days",
    "frequency",
    "returns",
    "avg_order",
    "monetary",
    "mystery",
  ];

  it("translates every word the evaluate stage can write, strong and mild, high and low", () => {
    for (const feature of FEATURES)
      for (const z of [0.7, -0.7, 2, -2]) {
        const word = describeFeature(feature, z)!;
        const zh = localClusterLabel(word, ZH);
        expect(zh, word).toMatch(CJK);
        expect(zh.replace("mystery", ""), word).not.toMatch(/[A-Za-z]/);
      }
    expect(localClusterLabel("Average", ZH)).toBe("各项接近平均");
  });

  it("keeps labels unique: distinct English labels stay distinct in Chinese", () => {
    // Every pair of features at every level, so collisions and suffixes occur.
    const centroids: Record<string, number>[] = [];
    for (const a of FEATURES)
      for (const za of [0.8, -0.8, 1.8, -1.8])
        centroids.push({ [a]: za, frequency: za > 0 ? 0.6 : -0.6 });
    const english = labelClusters(centroids);
    const chinese = english.map((label) => localClusterLabel(label, ZH));
    expect(new Set(english).size).toBe(english.length);
    expect(new Set(chinese).size).toBe(chinese.length);
    expect(chinese.every((label) => CJK.test(label))).toBe(true);
  });

  it("reads parts, suffixes and unknown features, and leaves unreadable labels as they are", () => {
    expect(localClusterLabel("Very frequent · High spend", ZH)).toBe("消费非常频繁 · 消费金额高");
    expect(localClusterLabel("High tenure_x (2)", ZH)).toBe("tenure_x 偏高（2）");
    expect(localClusterLabel("Top spend & <b>loyal</b>", ZH)).toBe("Top spend & <b>loyal</b>");
    expect(localClusterLabel("Very frequent · High spend", EN)).toBe("Very frequent · High spend");
    expect(localOrderedBy("mean monetary, descending", ZH)).toBe("monetary 均值从高到低");
    expect(localOrderedBy("mean monetary, descending", EN)).toBe("mean monetary, descending");
  });
});

describe("K-Means chart titles", () => {
  let input: ClusterReportInput;
  beforeAll(() => {
    input = makeReportInput({ rows: 300 });
  });

  const specs = (locale: typeof ZH) => {
    const sweep = input.sweep!;
    const cluster = input.cluster!;
    const { elbowK, recommendedK } = sweep.recommendation;
    return {
      elbow: elbowSpec(sweep.rows, { elbowK, recommendedK, locale }),
      quality: qualityIndicesSpec(sweep.rows, { recommendedK, locale }),
      silhouette: silhouetteKnifeSpec(cluster.silhouette, { locale }),
      pca: pcaScatterSpec(cluster.pca, { locale }),
      heatmap: profileHeatmapSpec(cluster.profiles, { locale }),
      sizes: clusterSizeSpec(cluster.profiles.clusters, { locale }),
      gap: gapSpec([{ k: 1, gap: 0.2, se: 0.02 }], { gapK: 1, locale }),
      comparison: sweepComparisonSpec([{ name: "z", rows: sweep.rows }], {
        index: "inertia",
        locale,
      }),
    };
  };

  it("are all Chinese in zh-CN (axes, legends, panels, tooltips)", () => {
    for (const [name, spec] of Object.entries(specs(ZH))) {
      const titles = titlesOf(spec);
      expect(titles.length, name).toBeGreaterThan(0);
      for (const title of titles) expect(title, `${name}: ${title}`).toMatch(CJK);
    }
  });

  it("write the knife plot's group labels, the average and the knee in Chinese", () => {
    const knife = JSON.stringify(specs(ZH).silhouette);
    expect(knife).toMatch(/"簇 0：n = \d+，均值 -?\d\.\d\d"/);
    expect(knife).toMatch(/"平均 \d\.\d\d"/);
    const { elbowK } = input.sweep!.recommendation;
    if (elbowK !== null) expect(JSON.stringify(specs(ZH).elbow)).toContain(`"拐点 k = ${elbowK}"`);
  });

  it("stay English by default, as before", () => {
    expect(titlesOf(specs(EN).elbow)).toEqual([
      "Number of clusters (k)",
      "Inertia (within-cluster sum of squares)",
    ]);
    expect(titlesOf(specs(EN).quality)).toContain("Davies–Bouldin (lower is better)");
    expect(pcAxisTitle(1, 0.4321)).toBe("PC1 (43.2% of variance)");
    expect(pcAxisTitle(1, 0.4321, ZH)).toBe("主成分 PC1（解释 43.2% 的方差）");
    const { elbowK, recommendedK } = input.sweep!.recommendation;
    expect(elbowSpec(input.sweep!.rows, { elbowK, recommendedK })).toEqual(specs(EN).elbow);
  });
});

describe("English stays as it was", () => {
  it("writes the scaling section word for word", () => {
    const input = makeReportInput({ rows: 200 });
    const section = scalingSection(input.scaler, sectionContext());
    expect(section.html.value).toContain(
      "<p>Each feature was standardized: (x − mean) / standard deviation (population). Transform, in order: log1p on the marked features → (x − center) / scale.</p>",
    );
    expect(section.html.value).toContain("<th");
    expect(section.html.value).toContain("Center (Mean)");
  });
});

describe("the CLI's one-line summaries", () => {
  it("name clusters and state the sweep's evidence in zh-CN, English unchanged", () => {
    const input = stageLabelled(makeReportInput({ rows: 300 }));
    const profiles = input.cluster!.profiles;
    const zh = clusterLines(profiles, "zh-CN");
    const first = profiles.clusters[0]!;
    expect(zh[0]).toBe(
      `簇 0：${localClusterLabel(first.label, ZH)} — ${first.size} 位客户（${(first.share * 100).toFixed(1)}%）`,
    );
    expect(clusterLines(profiles, "en")[0]).toBe(
      msg.clusterLine(0, first.label, first.size, first.share),
    );
    const sweep = input.sweep!;
    const k = sweep.recommendation.recommendedK;
    // a sweep that voted: the vote's reason in Chinese, its confidence first
    expect(sweep.choose).toBeDefined();
    const line = recommendedLine(k, sweep.recommendation.reason, sweep, "zh-CN");
    expect(line).toBe(voteReason(sweep.choose!.vote, ZH));
    expect(line).toMatch(new RegExp(`^(推荐 k = ${k}|没有明显的聚类结构)`));
    expect(line).not.toMatch(ENGLISH_RUN);
    // a sweep without a vote (older data): the sweep table's evidence
    const { choose: _choose, ...noVote } = sweep;
    const plain = recommendedLine(k, sweep.recommendation.reason, noVote, "zh-CN");
    expect(plain.startsWith(`推荐 k = ${k}。依据：`)).toBe(true);
    expect(plain).not.toMatch(ENGLISH_RUN);
    // English: the vote's reason (sweep.json's reason when there was a vote) names
    // its k itself; without a vote the line does
    const reason = sweep.choose!.vote.reason;
    if (sweep.choose!.vote.confidence === "no-structure") {
      expect(recommendedLine(k, reason, sweep, "en")).toBe(`recommended k=${k}: ${reason}`);
    } else {
      expect(reason.startsWith(`Recommended k=${k}`)).toBe(true);
      expect(recommendedLine(k, reason, sweep, "en")).toBe(reason);
    }
    expect(recommendedLine(k, "because", noVote, "en")).toBe(`recommended k=${k}: because`);
  });
});
