/**
 * The six-client table several tests share (the rfm, thresholds, tiers and
 * abc commands and their workflows); revenue 3150.5 in all.
 *
 * Six clients, so that R's type-7 quantiles at 0.2, 0.4, 0.6, 0.8 fall on
 * order statistics: h = (n − 1)·p = 1, 2, 3, 4 → x(2), x(3), x(4), x(5)
 * (1-based), and R rfm's cut points are those + 1. Bins are half-open
 * [min, c1) [c1, c2) … [c4, max + 1); recency scores are reversed.
 *
 *   recency  1 5 10 20 40 80     → cuts 6 11 21 41    → scores 5 5 4 3 2 1
 *   frequency 1 2 3 4 6 9        → cuts 3 4 5 7       → scores 1 1 2 3 4 5
 *   monetary 50 100 200 400 800 1600.5 → cuts 101 201 401 801 → 1 1 2 3 4 5
 *
 * With the shipped segment table (first match wins):
 *   C1   R5 F5 M5 → Champions
 *   0042 R5 F1 M1 → New Customers (R 4–5 · F 1–3 · M 1–5)
 *   C3   R4 F3 M4 → Potential Loyalist (R 3–5 · F 3–5 · M 2–5)
 *   C4   R3 F1 M3 → Promising (R 3–4 · F 1–3 · M 3–5)
 *   C5   R2 F4 M1 → Others (the uncovered box R2–5 F4–5 M1)
 *   C6   R1 F2 M2 → Lost (R 1)
 */
export const SIX_CLIENTS =
  "client_id,recency_days,frequency,monetary,country\n" +
  "C1,1,9,1600.5,France\n" +
  "0042,5,1,50,中国\n" +
  "C3,10,4,800,France\n" +
  "C4,20,2,400,UK\n" +
  "C5,40,6,100,UK\n" +
  "C6,80,3,200,UK\n";
