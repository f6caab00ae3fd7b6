/**
 * Twenty clients whose R `rfm` scores and segments are worked out by hand.
 *
 * R type 7 with n = 20: index = 1 + 19·p → p = .2: 4.8, .4: 8.6, .6: 12.4, .8: 16.2,
 * quantile = x[lo] + h·(x[lo+1] − x[lo]) with h = index − lo; cut = quantile + 1.
 *
 * recency sorted: 2 5 5 10 10 | 11 20 30 30 | 31 45 60 60 | 61 90 120 120 | 200 365 400
 *   q.2 = x4..x5 = 10 → 11; q.4 = x8..x9 = 30 → 31; q.6 = x12..x13 = 60 → 61; q.8 = x16..x17 = 120 → 121
 *   [2,11) → R5 · [11,31) → R4 · [31,61) → R3 · [61,121) → R2 · [121,401) → R1
 *   11, 31 and 61 lie exactly on cut points and go to the upper bin.
 * frequency sorted: 1×10, 2 2 2, 3 3, 4, 5, 6, 9, 15
 *   q.2 = x4..x5 = 1 → 2; q.4 = x8..x9 = 1 → 2 (coincides!); q.6 = x12..x13 = 2 → 3; q.8 = 4 + .2·1 = 4.2 → 5.2
 *   [1,2) → F1 (10 clients) · [2,2) → F2 (empty) · [2,3) → F3 · [3,5.2) → F4 · [5.2,16) → F5
 * monetary sorted: 10 20 … 190 (step 10), 1000
 *   q.2 = 40 + .8·10 = 48 → 49; q.4 = 80 + .6·10 = 86 → 87; q.6 = 120 + .4·10 = 124 → 125; q.8 = 160 + .2·10 = 162 → 163
 *   10–40 → M1 · 50–80 → M2 · 90–120 → M3 · 130–160 → M4 · 170, 180, 190, 1000 → M5
 *
 * Segments (R rfm 0.3.0 vignette table, first match wins):
 *   555 Champions; 554 532 445 443… Potential Loyalist (R3–5 F3–5 M2–5);
 *   244, 233 Loyal Customers; 413 414 315 Promising (R3–4 F1–3 M3–5);
 *   513 511 New Customers (R4–5 F1–3); 155 At Risk (R1–2 F2–5 M4–5; F5 misses Can't Lose Them F3–4);
 *   311 211 214 About To Sleep (R2–3 F1–3 M1–4); 112 Lost (R1);
 *   441 matches nothing (R4 F4 M1: Potential Loyalist needs M ≥ 2) → Others.
 */
import type { RfmInput } from "../../src/rules/index.js";

export interface HandClient {
  id: string;
  recency: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  segment: string;
}

const c = (
  id: string,
  recency: number,
  frequency: number,
  monetary: number,
  r: number,
  f: number,
  m: number,
  segment: string,
): HandClient => ({ id, recency, frequency, monetary, r, f, m, segment });

export const HAND_CLIENTS: readonly HandClient[] = [
  c("c01", 2, 1, 110, 5, 1, 3, "New Customers"),
  c("c02", 5, 9, 190, 5, 5, 5, "Champions"),
  c("c03", 5, 1, 10, 5, 1, 1, "New Customers"),
  c("c04", 10, 6, 130, 5, 5, 4, "Potential Loyalist"),
  c("c05", 10, 2, 50, 5, 3, 2, "Potential Loyalist"),
  c("c06", 11, 3, 170, 4, 4, 5, "Potential Loyalist"),
  c("c07", 20, 4, 20, 4, 4, 1, "Others"),
  c("c08", 30, 1, 90, 4, 1, 3, "Promising"),
  c("c09", 30, 1, 140, 4, 1, 4, "Promising"),
  c("c10", 31, 2, 60, 3, 3, 2, "Potential Loyalist"),
  c("c11", 45, 1, 30, 3, 1, 1, "About To Sleep"),
  c("c12", 60, 5, 120, 3, 4, 3, "Potential Loyalist"),
  c("c13", 60, 1, 180, 3, 1, 5, "Promising"),
  c("c14", 61, 1, 40, 2, 1, 1, "About To Sleep"),
  c("c15", 90, 3, 150, 2, 4, 4, "Loyal Customers"),
  c("c16", 120, 1, 160, 2, 1, 4, "About To Sleep"),
  c("c17", 120, 2, 100, 2, 3, 3, "Loyal Customers"),
  c("c18", 200, 15, 1000, 1, 5, 5, "At Risk"),
  c("c19", 365, 1, 70, 1, 1, 2, "Lost"),
  c("c20", 400, 1, 80, 1, 1, 2, "Lost"),
];

/** The hand clients as scoring input. */
export function handInput(): RfmInput {
  return {
    ids: HAND_CLIENTS.map((x) => x.id),
    recencyDays: Float64Array.from(HAND_CLIENTS, (x) => x.recency),
    frequency: Float64Array.from(HAND_CLIENTS, (x) => x.frequency),
    monetary: Float64Array.from(HAND_CLIENTS, (x) => x.monetary),
  };
}
