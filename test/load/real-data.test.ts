/**
 * Real files from ../shared/data (see its README). Expected figures were
 * computed with pandas 2 (`read_csv`; `sep=r"\s+"` and `dtype={"customer_id": str}`
 * for CDNOW) on the same files.
 */
import { expect, test } from "vitest";
import { loadTable } from "../../src/load/index.js";
import { describeWithData, sharedFile } from "../helpers/shared-data.js";

const WHOLESALE = "wholesale-customers/Wholesale customers data.csv";
const CDNOW = "cdnow/CDNOW_master.txt";
const wholesale = sharedFile(WHOLESALE);
const cdnow = sharedFile(CDNOW);
const sum = (values: Float64Array): number => values.reduce((total, value) => total + value, 0);

describeWithData("UCI Wholesale customers (CRLF, spaces in the file name)", [WHOLESALE], () => {
  test("440 rows, 8 numeric columns, column sums as pandas", async () => {
    const table = await loadTable(wholesale);
    expect(table.rowCount).toBe(440);
    expect(table.headers).toEqual([
      "Channel",
      "Region",
      "Fresh",
      "Milk",
      "Grocery",
      "Frozen",
      "Detergents_Paper",
      "Delicassen",
    ]);
    expect(table.ids.slice(0, 2)).toEqual(["1", "2"]);
    expect(table.format).toEqual({ kind: "csv", encoding: "utf-8", delimiter: ",", gzip: false });
    // Integers: sums are exact.
    const expected = {
      Channel: 582,
      Region: 1119,
      Fresh: 5280131,
      Milk: 2550357,
      Grocery: 3498562,
      Frozen: 1351650,
      Detergents_Paper: 1267857,
      Delicassen: 670943,
    };
    for (const [name, total] of Object.entries(expected))
      expect(sum(table.columns[name]!), name).toBe(total);
    expect(
      Object.values(table.issues).every((issue) => issue.missing === 0 && issue.nonNumeric === 0),
    ).toBe(true);
    expect(table.columns.Fresh![439]).toBe(2787);
    expect(table.sourceLines[439]).toBe(441);
  });
});

describeWithData("CDNOW master (whitespace-separated, zero-padded ids)", [CDNOW], () => {
  test("69,659 transactions of 23,570 clients; ids stay strings", async () => {
    const table = await loadTable(cdnow, { id: "customer_id" });
    expect(table.format.delimiter).toBe("whitespace"); // sniffed: no , ; tab or | in the header
    expect(table.rowCount).toBe(69659);
    expect(table.ids[0]).toBe("00001");
    expect(table.ids[69658]).toBe("23570");
    expect(new Set(table.ids).size).toBe(23570);
    expect(sum(table.columns.number_of_cds!)).toBe(167881); // integers: exact
    // pandas: 2500315.6300000004; summation order differs, so allow 1e-6.
    expect(Math.abs(sum(table.columns.dollar_value!) - 2500315.63)).toBeLessThan(1e-6);
    expect(table.columns.date![0]).toBe(19970101);
  });

  test("the explicit whitespace delimiter gives the same table", async () => {
    const table = await loadTable(cdnow, {
      id: "customer_id",
      delimiter: "whitespace",
      numeric: ["dollar_value"],
    });
    expect(table.rowCount).toBe(69659);
    expect(Object.keys(table.columns)).toEqual(["dollar_value"]);
  });
});
