/**
 * Notes the workflows report while they run (through their progress
 * callback) and the one-line summaries they return for a face to print once
 * the outputs are written.
 */

/** The counts of a transaction log's cleaning that {@link cleaningLines} states (the features stage's summary). */
export interface CleaningCounts {
  source: string;
  linesRead: number;
  missingClientId: number;
  duplicateLines: number;
  nonPositivePrice: number;
  unparseableAmount: number;
  afterAsOf: number;
  asOf: string;
  cancellations: number;
  returnsPolicy: "net" | "exclude";
  cancellationOnlyClients: number;
  linesUsed: number;
  clients: number;
}

const n = (x: number): string => x.toLocaleString("en-US");
const pct = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** @example loadedRows(4338, "clients.csv") // => "loaded 4,338 rows from clients.csv" */
export const loadedRows = (rows: number, source: string): string =>
  `loaded ${n(rows)} rows from ${source}`;

/** @example preparedRows(4330, 3, 8) // => "prepared 4,330 rows × 3 features (8 dropped)" */
export const preparedRows = (rows: number, features: number, dropped: number): string =>
  `prepared ${n(rows)} rows × ${features} features` + (dropped > 0 ? ` (${dropped} dropped)` : "");

/** @example preparedClients(4338, 3) // => "prepared 4,338 clients × 3 features" */
export const preparedClients = (rows: number, features: number): string =>
  `prepared ${n(rows)} clients × ${features} features`;

/** @example fittingOnSample(100000) // => "fitting on a seeded sample of 100,000 rows" */
export const fittingOnSample = (rows: number): string =>
  `fitting on a seeded sample of ${n(rows)} rows`;

/** @example warning("k-means produced 3 distinct clusters") // => "warning: k-means produced 3 distinct clusters" */
export const warning = (text: string): string => `warning: ${text}`;

/** @example note("rule X matches nobody") // => "note: rule X matches nobody" */
export const note = (text: string): string => `note: ${text}`;

/** @example recommended(4, "knee at 4 …") // => "recommended k=4: knee at 4 …" */
export const recommended = (k: number, reason: string): string => `recommended k=${k}: ${reason}`;

/** @example recommendedZh(4, "依据：…") // => "推荐 k = 4。依据：…" */
export const recommendedZh = (k: number, evidence: string): string => `推荐 k = ${k}。${evidence}`;

/** @example stabilitySkipped(6, 3, 15) // => "stability skipped: 6 rows are too few for k up to 3 (bootstrap resamples need at least 15)" */
export const stabilitySkipped = (rows: number, kMax: number, needed: number): string =>
  `stability skipped: ${rows} rows are too few for k up to ${kMax} (bootstrap resamples need at least ${needed})`;

/** @example clusterLine(0, "Recent", 412, 0.095) // => "cluster 0: Recent — 412 clients (9.5%)" */
export const clusterLine = (cluster: number, label: string, size: number, share: number): string =>
  `cluster ${cluster}: ${label} — ${size} clients (${pct(share)})`;

/** @example clusterLineZh(0, "近期消费", 412, 0.095) // => "簇 0：近期消费 — 412 位客户（9.5%）" */
export const clusterLineZh = (
  cluster: number,
  label: string,
  size: number,
  share: number,
): string => `簇 ${cluster}：${label} — ${n(size)} 位客户（${pct(share)}）`;

/** @example gradedClusterLine(0, "Recent", 400, 0.09, 0.095) */
export const gradedClusterLine = (
  cluster: number,
  label: string,
  count: number,
  nowShare: number,
  fitShare: number,
): string =>
  `cluster ${cluster}: ${label} — ${count} rows (${pct(nowShare)} now, ${pct(fitShare)} at fit)`;

/** @example derivingFeatures("tx.csv") // => "deriving client features from tx.csv" */
export const derivingFeatures = (source: string): string =>
  `deriving client features from ${source}`;

/**
 * One line per cleaning rule of a transaction log, for stderr and the report.
 *
 * @example
 * cleaningLines(summary)[0] // => "read 541,909 transaction lines from data/online-retail-transactions.csv.gz"
 */
export function cleaningLines(s: CleaningCounts): string[] {
  return [
    `read ${n(s.linesRead)} transaction lines from ${s.source}`,
    `${n(s.missingClientId)} without a client id (dropped)`,
    `${n(s.duplicateLines)} exact duplicate lines (dropped)`,
    `${n(s.nonPositivePrice)} with a zero or negative price (dropped)`,
    `${n(s.unparseableAmount)} with an unreadable amount (dropped)`,
    `${n(s.afterAsOf)} after the as-of date ${s.asOf} (ignored)`,
    `${n(s.cancellations)} cancellations/returns (${s.returnsPolicy === "net" ? "netted against spend" : "excluded"})`,
    `${n(s.cancellationOnlyClients)} clients with only cancellations (dropped)`,
    `${n(s.linesUsed)} lines used → ${n(s.clients)} clients`,
  ];
}

/** @example scoringClients(4338, "r-rfm", 5) // => "scoring 4,338 clients (r-rfm, 5 bins)" */
export const scoringClients = (clients: number, binning: string, bins: number): string =>
  `scoring ${n(clients)} clients (${binning}, ${bins} bins)`;

/** "1 client", "4,338 clients". @example clientCount(4338) // => "4,338 clients" */
export const clientCount = (count: number): string =>
  count === 1 ? "1 client" : `${n(count)} clients`;

/** @example segmentLine("Champions", 412, 0.095) // => "Champions: 412 clients (9.5%)" */
export const segmentLine = (name: string, count: number, share: number): string =>
  `${name}: ${clientCount(count)} (${pct(share)})`;

/** @example segmentLineZh("冠军客户", 412, 0.095) // => "冠军客户：412 位客户（9.5%）" */
export const segmentLineZh = (name: string, count: number, share: number): string =>
  `${name}：${n(count)} 位客户（${pct(share)}）`;

/** @example tierLineZh("黄金", 500, 0.115, 0.1) // => "黄金：500 位客户（11.5%，目标 10.0%）" */
export const tierLineZh = (
  name: string,
  count: number,
  share: number,
  target: number | undefined,
): string =>
  `${name}：${n(count)} 位客户（${pct(share)}${target === undefined ? "" : `，目标 ${pct(target)}`}）`;

/** @example tierLine("Gold", 500, 0.115, 0.1) // => "Gold: 500 clients (11.5%, target 10.0%)" */
export const tierLine = (
  name: string,
  count: number,
  share: number,
  target: number | undefined,
): string =>
  `${name}: ${clientCount(count)} (${pct(share)}${target === undefined ? "" : `, target ${pct(target)}`})`;

/** @example abcLine("A", 900, 0.2, 0.8) // => "A: 900 clients (20.0%), 80.0% of revenue" */
export const abcLine = (name: string, count: number, clientShare: number, revenueShare: number) =>
  `${name}: ${clientCount(count)} (${pct(clientShare)}), ${pct(revenueShare)} of revenue`;

/** @example giniLine(0.7051) // => "Gini coefficient of revenue: 0.705" */
export const giniLine = (gini: number): string => `Gini coefficient of revenue: ${gini.toFixed(3)}`;

/** @example rfmCounts([{ name: "Champions", count: 3 }]) // => "RFM: Champions 3" */
export const rfmCounts = (counts: readonly { name: string; count: number }[]): string =>
  `RFM: ${counts.map((c) => `${c.name} ${c.count}`).join(", ")}`;

/** @example agreementLine("K-Means k=4", "RFM segments", 0.31, 0.42) */
export const agreementLine = (a: string, b: string, ari: number, nmi: number): string =>
  `${a} vs ${b}: ARI ${ari.toFixed(3)}, NMI ${nmi.toFixed(3)}`;

/** @example comparedLine(4338, 0.31, 0.42, 0.42) // => "4,338 clients compared: ARI 0.310, NMI 0.420, V-measure 0.420" */
export const comparedLine = (rows: number, ari: number, nmi: number, v: number): string =>
  `${n(rows)} clients compared: ARI ${ari.toFixed(3)}, NMI ${nmi.toFixed(3)}, V-measure ${v.toFixed(3)}`;

/** @example sideLoaded("A", 4338, "a.csv", "cluster") // => 'side A: 4,338 rows from a.csv (label "cluster")' */
export const sideLoaded = (side: string, rows: number, file: string, label: string): string =>
  `side ${side}: ${n(rows)} rows from ${file} (label "${label}")`;

/** @example clientsLoaded(4338, "c.csv") // => "clients: 4,338 rows from c.csv" */
export const clientsLoaded = (rows: number, file: string): string =>
  `clients: ${n(rows)} rows from ${file}`;

/** @example labelOrderFrom("A", "runs/rfm/rfm.json") // => "side A: labels in the order of runs/rfm/rfm.json" */
export const labelOrderFrom = (side: string, file: string): string =>
  `side ${side}: labels in the order of ${file}`;

/** @example openReport("reports/demo/report.html") // => "open reports/demo/report.html in a browser" */
export const openReport = (file: string): string => `open ${file} in a browser`;

/** @example periodsPhase("read") // => "reading the log once for every period" */
export const periodsPhase = (phase: "read" | "periods"): string =>
  phase === "read" ? "reading the log once for every period" : "deriving each period's clients";

/** @example periodsGrading("2011-Q1", 1892) // => "grading 2011-Q1: 1,892 clients" */
export const periodsGrading = (label: string, clients: number): string =>
  `grading ${label}: ${n(clients)} clients`;

/** @example periodLine("2011-Q4", "2011-12-10", 4339, true, 120) // => "2011-Q4 (as of 2011-12-10, partial): 4,339 clients, 120 flagged" */
export const periodLine = (
  label: string,
  asOf: string,
  clients: number,
  partial: boolean,
  flagged: number,
): string =>
  `${label} (as of ${asOf}${partial ? ", partial" : ""}): ${n(clients)} clients, ${n(flagged)} flagged`;

/** Why a client needs a manual look, by flag code. */
export const FLAG_REASONS = {
  "tier-drop": "fell two or more tiers since the previous period",
  "top-tier-lapsed": "was in the top tier and has bought nothing in the inactive window",
  unscored: "could not be scored by the model (a missing value or an undefined log)",
  "override-expired": "a manual override of this client expired in this period",
} as const;

/** @example flagReason("tier-drop") // => "fell two or more tiers since the previous period" */
export const flagReason = (code: keyof typeof FLAG_REASONS): string => FLAG_REASONS[code];

/** @example summarizingForClv("tx.csv", "1997-09-30") // => "summarizing tx.csv per client (calibration to 1997-09-30)" */
export const summarizingForClv = (source: string, calibrationEnd: string): string =>
  `summarizing ${source} per client (calibration to ${calibrationEnd})`;

/** @example fittingClv(2357, 946, 2457) // => "fitting BG/NBD and Gamma-Gamma: 2,357 clients, 946 repeat buyers, 2,457 repeat purchases" */
export const fittingClv = (
  clients: number,
  repeatBuyers: number,
  repeatPurchases: number,
): string =>
  `fitting BG/NBD and Gamma-Gamma: ${n(clients)} clients, ${n(repeatBuyers)} repeat buyers, ${n(repeatPurchases)} repeat purchases`;

/** Four significant digits, as the published fits are quoted. */
const sig = (x: number): string => String(Number(x.toPrecision(4)));

/** @example bgnbdLine(0.2425945, 4.4136019, 0.7929199, 2.4258881, -9582.429) // => "BG/NBD: r 0.2426, α 4.414, a 0.7929, b 2.426 (log-likelihood -9582.43)" */
export const bgnbdLine = (r: number, alpha: number, a: number, b: number, ll: number): string =>
  `BG/NBD: r ${sig(r)}, α ${sig(alpha)}, a ${sig(a)}, b ${sig(b)} (log-likelihood ${ll.toFixed(2)})`;

/** @example gammaGammaLine(6.2496, 3.7442, 15.4435, -4055.918) // => "Gamma-Gamma: p 6.25, q 3.744, γ 15.44 (log-likelihood -4055.92)" */
export const gammaGammaLine = (p: number, q: number, gamma: number, ll: number): string =>
  `Gamma-Gamma: p ${sig(p)}, q ${sig(q)}, γ ${sig(gamma)} (log-likelihood ${ll.toFixed(2)})`;

/** @example clvTotalLine(25000, 10.6, 12, 2357) // => "expected CLV over 12 months: 25,000 in all, 10.60 per client (2,357 clients)" */
export const clvTotalLine = (
  total: number,
  mean: number,
  months: number,
  clients: number,
): string =>
  `expected CLV over ${months} ${months === 1 ? "month" : "months"}: ${Math.round(total).toLocaleString("en-US")} in all, ${mean.toFixed(2)} per client (${n(clients)} clients)`;

/** @example churnLine("high", 1200, 0.509) // => "churn risk high: 1,200 clients (50.9%)" */
export const churnLine = (label: string, count: number, share: number): string =>
  `churn risk ${label}: ${clientCount(count)} (${pct(share)})`;

// Chinese one-line summaries of thresholds, abc and compare (`--lang zh-CN`).

/** @example abcLineZh("A", 900, 0.2, 0.8) // => "A 类：900 位客户（20.0%），贡献 80.0% 的收入" */
export const abcLineZh = (name: string, count: number, clientShare: number, revenueShare: number) =>
  `${name} 类：${n(count)} 位客户（${pct(clientShare)}），贡献 ${pct(revenueShare)} 的收入`;

/** @example giniLineZh(0.7051) // => "收入基尼系数：0.705" */
export const giniLineZh = (gini: number): string => `收入基尼系数：${gini.toFixed(3)}`;

/** @example comparedLineZh(4338, 0.31, 0.42, 0.42) // => "对比 4,338 位客户：ARI 0.310，NMI 0.420，V 值 0.420" */
export const comparedLineZh = (rows: number, ari: number, nmi: number, v: number): string =>
  `对比 ${n(rows)} 位客户：ARI ${ari.toFixed(3)}，NMI ${nmi.toFixed(3)}，V 值 ${v.toFixed(3)}`;
