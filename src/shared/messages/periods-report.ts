/** Sentences of the periods reports. */

const n = (x: number): string => x.toLocaleString("en-US");

/** @example clientsBefore(1892) // => "1,892 the period before" */
export const clientsBefore = (clients: number): string => `${n(clients)} the period before`;

/** @example partialPeriod("2011-Q4", "2011-12-10", "2011-12-31") // => "2011-Q4 is graded as of 2011-12-10: the log ends before the period's end (2011-12-31), so its revenue and orders cover part of it." */
export const partialPeriod = (label: string, asOf: string, end: string): string =>
  `${label} is graded as of ${asOf}: the log ends before the period's end (${end}), so its revenue and orders cover part of it.`;

/** @example rebinned() // => "The RFM cut points were recomputed in each period: a score of 5 means the top fifth of that period, not the same values as before." */
export const rebinned = (): string =>
  "The RFM cut points were recomputed in each period: a score of 5 means the top fifth of that period, not the same values as before.";

/** @example poorMatches(1) // => "1 refitted cluster is nearer to another cluster of the previous period than to the one whose name it took; read its moves with care." */
export const poorMatches = (count: number): string =>
  `${count} refitted cluster${count === 1 ? " is" : "s are"} nearer to another cluster of the previous period than to the one whose name it took; read its moves with care.`;

/** @example migrationCaption("2011-Q1", "2011-Q2", 365) // => "Clients by their state in 2011-Q1 (rows) and 2011-Q2 (columns); cell colour is the row share. \"inactive\": no purchase in 365 days; \"new\": first purchase inside 2011-Q2." */
export const migrationCaption = (from: string, to: string, inactiveDays: number | null): string =>
  `Clients by their state in ${from} (rows) and ${to} (columns); cell colour is the row share.` +
  (inactiveDays === null ? "" : ` "inactive": no purchase in ${inactiveDays} days;`) +
  ` "new": first purchase inside ${to}.`;

/** @example movesLine({ upgraded: 3, same: 10, downgraded: 2, unranked: 0 }) // => "Retained clients: 3 upgraded, 10 same tier, 2 downgraded." */
export const movesLine = (m: { upgraded: number; same: number; downgraded: number }): string =>
  `Retained clients: ${n(m.upgraded)} upgraded, ${n(m.same)} same tier, ${n(m.downgraded)} downgraded.`;

/** @example firstPeriod() // => "The first period has no previous one to move from." */
export const firstPeriod = (): string => "The first period has no previous one to move from.";

/** @example noTargets() // => "No targets were given (--targets)." */
export const noTargets = (): string => "No targets were given (--targets).";

/** @example noFlags() // => "No client needs a manual look in this period." */
export const noFlags = (): string => "No client needs a manual look in this period.";

/** @example idsMasked() // => "Client ids are masked; run with --show-ids to print them." */
export const idsMasked = (): string => "Client ids are masked; run with --show-ids to print them.";

/** @example refitAgainst(null) // => "the saved model's centroids" */
export const refitAgainst = (previous: string | null): string =>
  previous === null ? "the saved model's centroids" : `the centroids of ${previous}`;

/** @example refitCaption("the centroids of 2011-Q1") // => "Drift: distance from each refitted centroid to the centroids of 2011-Q1 whose name it took, in z units (the model's scaler). Relative drift: drift ÷ half the distance to the nearest other previous centroid; below 1 the match is always safe." */
export const refitCaption = (against: string): string =>
  `Drift: distance from each refitted centroid to ${against} whose name it took, in z units (the model's scaler). Relative drift: drift ÷ half the distance to the nearest other previous centroid; below 1 the match is always safe.`;

/** @example refitPoor(["2: Lapsed (nearest to 1: Loyal)"]) // => "Poor match: 2: Lapsed (nearest to 1: Loyal). Such a cluster took its name by elimination; read its moves with care." */
export const refitPoor = (clusters: readonly string[]): string =>
  `Poor match${clusters.length === 1 ? "" : "es"}: ${clusters.join("; ")}. ${clusters.length === 1 ? "Such a cluster" : "These clusters"} took ${clusters.length === 1 ? "its name" : "their names"} by elimination; read ${clusters.length === 1 ? "its" : "their"} moves with care.`;

/** @example refitAllGood() // => "Every refitted centroid is nearest to the previous centroid whose name it took." */
export const refitAllGood = (): string =>
  "Every refitted centroid is nearest to the previous centroid whose name it took.";

/** @example campaignIntro("2011-Q1", "2011-04-01", "2011-06-30", "2011-Q2") // => "Clients of 2011-Q1 with a campaign record dated 2011-04-01 – 2011-06-30, against the clients of the same 2011-Q1 segment without one: what each group bought in 2011-Q2. An observational comparison within segments, not a randomised test." */
export const campaignIntro = (
  start: string,
  from: string | null,
  to: string | null,
  following: string,
): string =>
  `Clients of ${start} with a campaign record dated ${from ?? "…"} – ${to ?? "…"}, against the clients of the same ${start} segment without one: what each group bought in ${following}. An observational comparison within segments, not a randomised test.`;

/** @example campaignRecords(3, { count: 1, lines: [7] }) // => "3 campaign records used; 1 names a client not in the starting period (line 7)." */
export const campaignRecords = (
  used: number,
  unknown: { count: number; lines: number[] },
): string =>
  `${n(used)} campaign record${used === 1 ? "" : "s"} used` +
  (unknown.count === 0
    ? "."
    : `; ${n(unknown.count)} name${unknown.count === 1 ? "s" : ""} a client not in the starting period (line${unknown.lines.length === 1 ? "" : "s"} ${unknown.lines.join(", ")}${unknown.count > unknown.lines.length ? ", …" : ""}).`);

/** @example noCampaign("2011-Q2") // => "No campaign record is dated inside 2011-Q2." */
export const noCampaign = (label: string): string => `No campaign record is dated inside ${label}.`;

/** @example campaignTrendCaption(0.95) // => "Targeted − control, by the period the campaign ran in, for each campaign and starting segment; bars: bootstrap 95% intervals. An interval that crosses 0 shows no clear effect." */
export const campaignTrendCaption = (level: number): string =>
  `Targeted − control, by the period the campaign ran in, for each campaign and starting segment; bars: bootstrap ${Math.round(level * 100)}% intervals. An interval that crosses 0 shows no clear effect.`;
