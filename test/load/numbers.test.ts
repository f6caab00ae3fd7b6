import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  CURRENCY_SYMBOLS,
  isMissingMarker,
  MISSING_MARKERS,
  parseDecimal,
  type NumberFormat,
} from "../../src/load/numbers.js";

const parse = (text: string, format: NumberFormat = { decimal: "." }): number =>
  parseDecimal(text, 0, text.length, format);
const comma: NumberFormat = { decimal: "," };

describe("parseDecimal", () => {
  test("plain decimals, signs, spaces and exponents (exact: one correctly rounded operation)", () => {
    expect(parse("0")).toBe(0);
    expect(parse("42")).toBe(42);
    expect(parse("-0.5")).toBe(-0.5);
    expect(parse("+3.25")).toBe(3.25);
    expect(parse("  7.5\t")).toBe(7.5);
    expect(parse("1e3")).toBe(1000);
    expect(parse("2.5E-2")).toBe(0.025);
    expect(parse("1.")).toBe(1);
    expect(parse(".5")).toBe(0.5);
    expect(parse("00123")).toBe(123);
    expect(Object.is(parse("-0"), -0)).toBe(true);
    // 0.1 + 0.2 style: 0.3 must be the double nearest 3/10, not 0.30000000000000004.
    expect(parse("0.3")).toBe(0.3);
  });

  test("long mantissas and large exponents fall back to Number() and agree with it", () => {
    expect(parse("3.14159265358979323846")).toBe(Number("3.14159265358979323846"));
    expect(parse("123456789012345678")).toBe(Number("123456789012345678"));
    expect(parse("1e-300")).toBe(1e-300);
    expect(parse("4.9e-324")).toBe(5e-324);
    expect(parse("0e500")).toBe(0);
  });

  test("rejects what is not a finite decimal", () => {
    for (const bad of [
      "",
      "  ",
      "abc",
      "1.2.3",
      "1e",
      "e5",
      "+",
      "-",
      ".",
      "0x1F",
      "Infinity",
      "1e400",
      "12abc",
      "1 2",
      "5€€",
      "$5$",
      "€",
      "- 5",
      "5 -",
      "US5",
    ]) {
      expect(parse(bad), bad).toBeNaN();
    }
  });

  test("thousands separators only in well-formed groups", () => {
    expect(parse("1,234.50")).toBe(1234.5);
    expect(parse("2,000")).toBe(2000);
    expect(parse("-12,345,678")).toBe(-12345678);
    for (const bad of ["1,23", "1234,5", ",123", "1,2345", "12,34,567", "1,234,5", "1.5,000"]) {
      expect(parse(bad), bad).toBeNaN();
    }
  });

  test("a decimal comma: dots between thousands, a comma before the fraction", () => {
    expect(parse("1.234,50", comma)).toBe(1234.5);
    expect(parse("1,5", comma)).toBe(1.5);
    expect(parse("-12.345.678", comma)).toBe(-12345678);
    expect(parse("1.234", comma)).toBe(1234);
    expect(parse("2,5e3", comma)).toBe(2500);
    // What only the other reading explains is not a number, never a misread one.
    for (const bad of ["1.5", "1234.5", "1,234.50", "1.23", "1.234.5"]) {
      expect(parse(bad, comma), bad).toBeNaN();
    }
  });

  test("currency marks before or after the number, the sign on either side of a leading mark", () => {
    expect(parse("¥1,200")).toBe(1200);
    expect(parse("$1,200.00")).toBe(1200);
    expect(parse("1.234,50 €", comma)).toBe(1234.5);
    expect(parse("-$5.25")).toBe(-5.25);
    expect(parse("$-5.25")).toBe(-5.25);
    expect(parse("$ -5.25")).toBe(-5.25);
    expect(parse("-5.25 €", comma)).toBeNaN(); // "5.25" is no number with a decimal comma
    expect(parse("-5,25 €", comma)).toBe(-5.25);
    expect(parse("USD 12")).toBe(12);
    expect(parse("12 CNY")).toBe(12);
    expect(parse("1 200 元")).toBeNaN(); // spaces are no thousands separators
    expect(parse("1,200元")).toBe(1200);
    for (const symbol of CURRENCY_SYMBOLS) {
      const found = { currency: "" };
      expect(parseDecimal(`${symbol}7`, 0, symbol.length + 1, undefined, found), symbol).toBe(7);
      expect(found.currency).toBe(symbol);
    }
    const none = { currency: "x" };
    parseDecimal("7", 0, 1, undefined, none);
    expect(none.currency).toBe("");
  });

  test("property: the shortest text of any finite double parses back to the same double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        // String() may write an exponent ("1e-7"): parseDecimal must handle both forms.
        expect(Object.is(parse(String(x)), x) || (x === 0 && parse(String(x)) === 0)).toBe(true);
      }),
      { numRuns: 2000, seed: 104 },
    );
  });

  test("property: fixed-point texts agree exactly with Number()", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 8 }),
        (units, decimals) => {
          const text = (units / 10 ** decimals).toFixed(decimals);
          expect(parse(text)).toBe(Number(text));
        },
      ),
      { numRuns: 2000, seed: 105 },
    );
  });
});

describe("isMissingMarker", () => {
  test("every listed marker, with spaces around, is missing; other words are not", () => {
    for (const marker of MISSING_MARKERS)
      expect(isMissingMarker(` ${marker} `, 0, marker.length + 2), marker).toBe(true);
    for (const word of ["n.a.", "missing", "0", "NAN", "nil"])
      expect(isMissingMarker(word, 0, word.length), word).toBe(false);
    expect([...MISSING_MARKERS].sort()).toEqual(
      ["", "#N/A", "-", "N/A", "NA", "NULL", "NaN", "None", "nan", "null"].sort(),
    );
  });
});
