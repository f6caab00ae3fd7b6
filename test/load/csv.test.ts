import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { describeFormat } from "../../src/load/index.js";
import { sniffDelimiter } from "../../src/load/sniff.js";
import * as loadMessages from "../../src/shared/messages/load.js";
import { column, parseText } from "./helpers.js";

describe("delimiters", () => {
  test("sniffs comma, semicolon, tab and pipe from the header and first lines", () => {
    expect(sniffDelimiter("id,x,y\n1,2,3\n")).toBe(",");
    expect(sniffDelimiter("id;x;y\n1;2,5;3\n")).toBe(";");
    expect(sniffDelimiter("id\tname\n1\tSmith, J\n")).toBe("\t");
    expect(sniffDelimiter("id|x\n1|2\n")).toBe("|");
    // The comma appears in the header only inside quotes, the semicolon agrees on every line.
    expect(sniffDelimiter('"a,b";c\n1;2\n3;4\n')).toBe(";");
    expect(sniffDelimiter("  id  date\n 001 1997\n 002 1998\n")).toBe("whitespace");
    expect(sniffDelimiter("only\n1\n")).toBe(",");
  });

  test("semicolon file with thousands separators (allowed because the delimiter is not a comma)", async () => {
    const table = await parseText("id;spend;visits\n001;1,234.50;3\n002;  99 ;4\n", { id: "id" });
    expect(table.format.delimiter).toBe(";");
    expect(table.ids).toEqual(["001", "002"]);
    expect(column(table, "spend")).toEqual([1234.5, 99]);
    expect(column(table, "visits")).toEqual([3, 4]);
  });

  test("tab-separated text with commas inside values", async () => {
    const table = await parseText(
      "id\tname\tspend\n7\tSmith, J\t10\n",
      { id: "id", text: ["name"] },
      "csv",
      "mem.tsv",
    );
    expect(table.format.delimiter).toBe("\t");
    expect(table.text.name).toEqual(["Smith, J"]);
    expect(column(table, "spend")).toEqual([10]);
  });

  test("an explicit delimiter overrides sniffing; 'tab' and 'whitespace' are accepted", async () => {
    const piped = await parseText("a,b|c\n1,5|2\n", { delimiter: "|", text: ["a,b"] });
    expect(piped.headers).toEqual(["a,b", "c"]);
    expect(piped.text["a,b"]).toEqual(["1,5"]);
    expect((await parseText("a\tb\n1\t2\n", { delimiter: "tab" })).format.delimiter).toBe("\t");
    const spaced = await parseText("  id   x \n  007  1.5  \n\t008\t\t2\n", {
      delimiter: "whitespace",
      id: "id",
    });
    expect(spaced.ids).toEqual(["007", "008"]);
    expect(column(spaced, "x")).toEqual([1.5, 2]);
  });

  test("Excel's 'sep=;' first line sets the delimiter and is not the header", async () => {
    const table = await parseText("sep=;\r\nid;x\r\n1;2,5\r\n", { id: "id", text: ["x"] });
    expect(table.format.delimiter).toBe(";");
    expect(table.headers).toEqual(["id", "x"]);
    expect(table.text.x).toEqual(["2,5"]);
    expect(Array.from(table.sourceLines)).toEqual([3]);
  });

  test("a quoted '1,234' in a comma-delimited file is 1234 (the same grammar as transaction logs); with decimal ',' it is 1.234", async () => {
    const table = await parseText('x\n"1,234"\n"2,000"\n"1,234.50"\n');
    expect(column(table, "x")).toEqual([1234, 2000, 1234.5]);
    const european = await parseText('x\n"1,234"\n"1.234,50"\n1.5\n', { decimal: "," });
    expect(column(european, "x")).toEqual([1.234, 1234.5, NaN]);
    // "1.5" fits no decimal-comma reading: counted, never misread.
    expect(european.issues.x).toEqual({
      missing: 0,
      nonNumeric: 1,
      firstNonNumeric: { row: 3, line: 4, value: "1.5" },
    });
  });

  test("currency marks are read; two different marks in one column are refused", async () => {
    const table = await parseText("id;amount\na;¥1,200\nb;¥ 35\nc;7\n", { id: "id" });
    expect(column(table, "amount")).toEqual([1200, 35, 7]);
    await expect(parseText("id;amount\na;$1,200.00\nb;7\nc;€3\n", { id: "id" })).rejects.toThrow(
      loadMessages.mixedCurrencies(
        "mem.csv",
        "amount",
        { symbol: "$", line: 2 },
        { symbol: "€", line: 4 },
      ).message,
    );
  });
});

describe("RFC 4180 quoting", () => {
  test("quoted fields with embedded delimiters, doubled quotes and line breaks", async () => {
    const text = 'id,note,x\n1,"a, b",1\n2,"say ""hi""",2\n3,"two\nlines",3\n4,"",4\n';
    const table = await parseText(text, { id: "id", text: ["note"] });
    expect(table.text.note).toEqual(["a, b", 'say "hi"', "two\nlines", ""]);
    expect(column(table, "x")).toEqual([1, 2, 3, 4]);
    // Row 4 starts on line 6 because row 3's value spans lines 4–5.
    expect(Array.from(table.sourceLines)).toEqual([2, 3, 4, 6]);
  });

  test("quoted numbers and quoted ids are parsed and kept", async () => {
    const table = await parseText('"id","x"\n"00123","1.5"\n', { id: "id" });
    expect(table.headers).toEqual(["id", "x"]);
    expect(table.ids).toEqual(["00123"]);
    expect(column(table, "x")).toEqual([1.5]);
  });

  test("text after a closing quote is kept as written (as pandas does)", async () => {
    const table = await parseText('id,name\n1,"Smith" Jr\n', { text: ["name"], id: "id" });
    expect(table.text.name).toEqual(["Smith Jr"]);
  });
});

describe("RFC 4180 round trip", () => {
  /** Quotes a field when it holds a delimiter, quote, line break or edge spaces. */
  const quote = (value: string, delimiter: string): string =>
    value.includes(delimiter) || /["\r\n]|^\s|\s$/.test(value)
      ? `"${value.replaceAll('"', '""')}"`
      : value;

  test("property: any table of strings written per RFC 4180 reads back unchanged", async () => {
    const cell = fc.string({
      unit: fc.constantFrom("a", "Z", "7", " ", ",", ";", '"', "\n", "\r\n", "é", "客"),
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(",", ";", "\t", "|"),
        fc.constantFrom("\n", "\r\n"),
        fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 12 }),
        async (delimiter, lineEnd, rows) => {
          const lines = [["id", "a", "b"].join(delimiter)];
          rows.forEach(([a, b], k) =>
            lines.push([String(k), quote(a, delimiter), quote(b, delimiter)].join(delimiter)),
          );
          const table = await parseText(lines.join(lineEnd) + lineEnd, {
            id: "id",
            text: ["a", "b"],
            delimiter,
          });
          expect(table.ids).toEqual(rows.map((_, k) => String(k)));
          expect(table.text.a).toEqual(rows.map(([a]) => a));
          expect(table.text.b).toEqual(rows.map(([, b]) => b));
        },
      ),
      { numRuns: 300, seed: 101 },
    );
  });
});

describe("line ends, BOM, blank lines", () => {
  test("CRLF and LF give the same table; a lone CR also ends a line", async () => {
    const lf = await parseText("id,x\n1,2\n3,4\n", { id: "id" });
    const crlf = await parseText("id,x\r\n1,2\r\n3,4\r\n", { id: "id" });
    const cr = await parseText("id,x\r1,2\r3,4", { id: "id" });
    for (const table of [lf, crlf, cr]) {
      expect(table.ids).toEqual(["1", "3"]);
      expect(column(table, "x")).toEqual([2, 4]);
      expect(Array.from(table.sourceLines)).toEqual([2, 3]);
    }
  });

  test("a UTF-8 BOM is removed from the first header; headers are trimmed", async () => {
    const table = await parseText("\uFEFF id , x \n1,2\n");
    expect(table.headers).toEqual(["id", "x"]);
    expect(table.format.encoding).toBe("utf-8");
  });

  test("blank and whitespace-only lines are skipped, before the header too; line numbers stay true", async () => {
    const table = await parseText("\n\nid,x\n1,2\n\n   \n3,4", { id: "id" });
    expect(table.ids).toEqual(["1", "3"]);
    expect(Array.from(table.sourceLines)).toEqual([4, 7]);
  });
});

describe("ids", () => {
  test("ids keep leading zeros and are trimmed when unquoted", async () => {
    const table = await parseText("client,x\n00123,1\n 0042 ,2\n", { id: "client" });
    expect(table.idColumn).toBe("client");
    expect(table.ids).toEqual(["00123", "0042"]);
    expect(table.headers).toEqual(["client", "x"]);
    expect(Object.keys(table.columns)).toEqual(["x"]);
  });

  test("without an id column, ids are 1-based row numbers and every column is numeric", async () => {
    const table = await parseText("a,b\n1,2\n3,4\n5,6\n");
    expect(table.idColumn).toBeNull();
    expect(table.ids).toEqual(["1", "2", "3"]);
    expect(Object.keys(table.columns)).toEqual(["a", "b"]);
  });

  test("the id column may also be listed as numeric", async () => {
    const table = await parseText("id,x\n007,1\n", { id: "id", numeric: ["id", "x"] });
    expect(table.ids).toEqual(["007"]);
    expect(column(table, "id")).toEqual([7]);
  });
});

describe("numeric columns", () => {
  test("missing markers are NaN and counted as missing", async () => {
    const markers = ["", " ", "NA", "N/A", "#N/A", "NaN", "nan", "null", "NULL", "None", "-"];
    const text = "id,x\n" + markers.map((marker, k) => `${k},${marker}`).join("\n") + "\n";
    const table = await parseText(text, { id: "id" });
    expect(column(table, "x").every(Number.isNaN)).toBe(true);
    expect(table.issues.x).toEqual({ missing: markers.length, nonNumeric: 0 });
  });

  test("non-numeric cells are NaN, counted, and the first one is recorded with row and line", async () => {
    const table = await parseText("id,x,y\n1,5,a\n2,abc,b\n3,7,\n4,1e3,c\n5,oops,d\n", {
      id: "id",
      text: ["y"],
    });
    expect(column(table, "x")).toEqual([5, NaN, 7, 1000, NaN]);
    expect(table.issues.x).toEqual({
      missing: 0,
      nonNumeric: 2,
      firstNonNumeric: { row: 2, line: 3, value: "abc" },
    });
    expect(table.text.y).toEqual(["a", "b", "", "c", "d"]);
  });

  test("rows with fewer fields than the header: the rest are missing", async () => {
    const table = await parseText("id,x,y,name\n1,2\n2,3,4,n\n", { id: "id", text: ["name"] });
    expect(column(table, "x")).toEqual([2, 3]);
    expect(column(table, "y")).toEqual([NaN, 4]);
    expect(table.issues.y).toEqual({ missing: 1, nonNumeric: 0 });
    expect(table.text.name).toEqual(["", "n"]);
  });

  test("a trailing empty field at the end of the input is missing, not zero", async () => {
    const table = await parseText("a,b\n1,");
    expect(column(table, "b")).toEqual([NaN]);
    expect(table.issues.b!.missing).toBe(1);
  });

  test("options.numeric restricts parsing; other columns are ignored", async () => {
    const table = await parseText("id,x,label,y\n1,2,z,3\n", { id: "id", numeric: ["y"] });
    expect(Object.keys(table.columns)).toEqual(["y"]);
    expect(table.text).toEqual({});
  });

  test("property: any decimal text written into a CSV column reads back as Number(text)", async () => {
    const decimal = fc
      .tuple(
        fc.constantFrom("", "-", "+"),
        fc.stringMatching(/^[0-9]{1,20}$/),
        fc.option(fc.stringMatching(/^[0-9]{0,20}$/)),
        fc.option(fc.integer({ min: -30, max: 30 })),
      )
      .map(
        ([sign, whole, fraction, exponent]) =>
          `${sign}${whole}${fraction === null ? "" : "." + fraction}${exponent === null ? "" : "e" + exponent}`,
      );
    await fc.assert(
      fc.asyncProperty(fc.array(decimal, { minLength: 1, maxLength: 20 }), async (cells) => {
        const table = await parseText("x,y\n" + cells.map((cell) => `${cell},${cell}`).join("\n"));
        expect(column(table, "x")).toEqual(cells.map(Number));
        expect(column(table, "y")).toEqual(cells.map(Number));
      }),
      { numRuns: 300, seed: 102 },
    );
  });
});

test("describeFormat names the source, delimiter, encoding and size", async () => {
  const table = await parseText("id;x\n1;2\n", { id: "id" }, "csv", "clients.csv");
  expect(describeFormat(table)).toBe(
    "clients.csv: CSV (semicolon-separated, utf-8), 1 row, 2 columns",
  );
});
