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
