/** Formats {@link ClientFeatures} as the client table CSV that the other stages load. */
import { NUMERIC_FEATURES, type ClientFeatures } from "./types.js";

const cell = (value: string): string =>
  /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

/**
 * The client table as CSV text: `client_id`, the kept columns, the numeric
 * features, `first_purchase`, `last_purchase`; LF line ends, a final newline.
 * Numbers are written as JavaScript prints them (4310, 1797.24); NaN and
 * missing kept values as empty cells.
 *
 * @example
 * formatClientFeaturesCsv(clients).split("\n")[0];
 * // => "client_id,country,recency_days,frequency,monetary,tenure_days,avg_order_value,return_rate,first_purchase,last_purchase"
 */
export function formatClientFeaturesCsv(clients: ClientFeatures): string {
  const header = [
    "client_id",
    ...clients.kept.map((k) => k.name),
    ...NUMERIC_FEATURES,
    "first_purchase",
    "last_purchase",
  ];
  const lines = [header.map(cell).join(",")];
  for (let i = 0; i < clients.ids.length; i++) {
    const fields = [
      cell(clients.ids[i]),
      ...clients.kept.map((k) => cell(k.values[i] ?? "")),
      ...NUMERIC_FEATURES.map((feature) => {
        const value = clients.numeric[feature][i];
        return Number.isNaN(value) ? "" : String(value);
      }),
      clients.firstPurchase[i],
      clients.lastPurchase[i],
    ];
    lines.push(fields.join(","));
  }
  return lines.join("\n") + "\n";
}
