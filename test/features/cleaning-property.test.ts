/**
 * Property (fast-check, fixed seed): on generated transaction logs, every
 * line read is either used or counted under exactly one cleaning rule — the
 * counts add up to the lines read — and each count equals the one a plain
 * line-by-line reference below arrives at, reading amounts with the load
 * stage's `parseDecimal` (the features SQL implements the same grammar).
 */
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { deriveClientFeatures } from "../../src/features/index.js";
import { parseDecimal } from "../../src/load/numbers.js";
import { tempDir } from "../helpers/cli.js";

const scratch = tempDir("segwork-cleaning-property-");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Line {
  invoice: string;
  id: string;
  day: string;
  quantity: string;
  price: string;
}

const AS_OF = "2011-03-31";
const line = fc.record<Line>({
  invoice: fc.constantFrom("1001", "1002", "C1003", "1004", "C1005", ""),
  id: fc.constantFrom("a", "b", "c", "d", " e ", "", " "),
  // The last two are after the as-of day.
  day: fc.constantFrom(
    "2011-01-05",
    "2011-02-10 10:30:00",
    "2011-03-31 23:59",
    "2011-04-01",
    "2011-06-30",
  ),
  quantity: fc.constantFrom("1", "2", "12", "-1", "-3", "0", "abc", "", "1,000", "2.5", "1,5"),
  price: fc.constantFrom("2.50", "0.10", "0", "-2", "$3.50", "1,234.50", "x", "", "N/A", "7"),
});

/** Lines plus exact copies of some of them, in a shuffled order. */
const log = fc
  .tuple(
    fc.array(line, { minLength: 1, maxLength: 40 }),
    fc.array(fc.nat(), { maxLength: 10 }),
    fc.boolean(),
  )
  .map(([lines, copies, excludeReturns]) => {
    const all = [...lines];
    for (const c of copies) all.splice(c % (all.length + 1), 0, lines[c % lines.length]!);
    return { lines: all, excludeReturns };
  });

/** The rules of `buildFeaturesSql`, in order, written out line by line. */
function reference(lines: Line[], excludeReturns: boolean) {
  const counts = {
    missingClientId: 0,
    duplicateLines: 0,
    unparseableAmount: 0,
    nonPositivePrice: 0,
    afterAsOf: 0,
    excluded: 0,
    cancellations: 0,
    linesUsed: 0,
  };
  let purchases = 0;
  const seen = new Set<string>();
  for (const l of lines) {
    if (l.id.trim() === "") {
      counts.missingClientId++;
      continue;
    }
    const key = JSON.stringify(l);
    if (seen.has(key)) {
      counts.duplicateLines++;
      continue;
    }
    seen.add(key);
    const q = parseDecimal(l.quantity, 0, l.quantity.length);
    const p = parseDecimal(l.price, 0, l.price.length);
    if (Number.isNaN(q) || Number.isNaN(p) || !(Math.abs(q * p) < 1e12)) {
      counts.unparseableAmount++;
      continue;
    }
    if (p <= 0) {
      counts.nonPositivePrice++;
      continue;
    }
    if (l.day.slice(0, 10) > AS_OF) {
      counts.afterAsOf++;
      continue;
    }
    const cancelled = l.invoice.startsWith("C") || q * p < 0;
    if (cancelled) counts.cancellations++;
    if (cancelled && excludeReturns) counts.excluded++;
    else counts.linesUsed++;
    if (!cancelled) purchases++;
  }
  return { counts, purchases };
}

const csvLine = (l: Line): string =>
  [l.invoice, l.id, l.day, l.quantity, l.price].map((v) => `"${v}"`).join(",");

describe("cleaning counts on generated logs", () => {
  it("every line is used or counted under exactly one rule, as the reference counts them", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(log, async ({ lines, excludeReturns }) => {
        const file = path.join(scratch, `log-${run++}.csv`);
        writeFileSync(
          file,
          ["invoice,id,day,quantity,price", ...lines.map(csvLine)].join("\n") + "\n",
        );
        const { counts: expected, purchases } = reference(lines, excludeReturns);
        const derived = deriveClientFeatures({
          transactions: file,
          id: "id",
          date: "day",
          amount: "quantity*price",
          invoice: "invoice",
          asOf: AS_OF,
          excludeReturns,
          allowDropped: true,
        });
        if (purchases === 0) {
          // No purchase survives: the stage refuses the log (its message is tested in errors.test.ts).
          await expect(derived).rejects.toMatchObject({ code: "features.no-usable-rows" });
          return;
        }
        const { summary } = await derived;
        const excluded = summary.returnsPolicy === "exclude" ? summary.cancellations : 0;
        expect(
          summary.missingClientId +
            summary.duplicateLines +
            summary.unparseableAmount +
            summary.nonPositivePrice +
            summary.afterAsOf +
            excluded +
            summary.linesUsed,
        ).toBe(summary.linesRead);
        expect(summary.linesRead).toBe(lines.length);
        expect({
          missingClientId: summary.missingClientId,
          duplicateLines: summary.duplicateLines,
          unparseableAmount: summary.unparseableAmount,
          nonPositivePrice: summary.nonPositivePrice,
          afterAsOf: summary.afterAsOf,
          excluded,
          cancellations: summary.cancellations,
          linesUsed: summary.linesUsed,
        }).toEqual(expected);
      }),
      { seed: 20_261_202, numRuns: 30 },
    );
  });
});
