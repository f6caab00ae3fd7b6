/**
 * One encoding detector for client tables and transaction logs: the same
 * bytes are read in the same encoding by the loader and by the features
 * stage, gzipped or not; what neither UTF-8 nor GBK explains is refused with
 * a message that says so and names `--encoding gbk`.
 */
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { deriveClientFeatures } from "../../src/features/index.js";
import { prepareTransactionFile } from "../../src/features/source.js";
import { parseTable } from "../../src/load/index.js";
import { SegworkError } from "../../src/shared/errors.js";
import * as featureMessages from "../../src/shared/messages/features.js";
import * as loadMessages from "../../src/shared/messages/load.js";
import { tempDir } from "../helpers/cli.js";

const scratch = tempDir("segwork-features-encoding-");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const text = "客户,日期,金额\nc1,2011-01-01,10.5\nc2,2011-01-02,4\n";
const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
// The same text in GBK: 客户 BF CD BB A7, 日期 C8 D5 C6 DA, 金额 BD F0 B6 EE.
const gbk = Buffer.concat([
  Buffer.from("BFCDBBA72CC8D5C6DA2CBDF0B6EE0A", "hex"),
  Buffer.from("c1,2011-01-01,10.5\nc2,2011-01-02,4\n"),
]);
const samples: [string, Buffer, string][] = [
  ["UTF-8", Buffer.from(text), "utf-8"],
  [
    "UTF-8 with a BOM",
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    "utf-8",
  ],
  ["GBK", gbk, "gb18030"],
  ["UTF-16LE with its BOM", utf16le, "utf-16le"],
];

describe("one encoding detector", () => {
  for (const [name, bytes, expected] of samples) {
    for (const zipped of [false, true]) {
      it(`${name}${zipped ? ", gzipped" : ""}: ${expected} for both, the same clients`, async () => {
        const file = path.join(
          scratch,
          `${name.replaceAll(" ", "-")}${zipped ? ".csv.gz" : ".csv"}`,
        );
        const content = zipped ? gzipSync(bytes) : bytes;
        writeFileSync(file, content);
        const table = await parseTable(content, file, "csv", { id: "客户", text: ["日期"] });
        const prepared = await prepareTransactionFile(file, "auto");
        prepared.cleanup();
        expect(table.format.encoding).toBe(expected);
        expect(prepared.encoding).toBe(expected);
        expect(prepared.headerLine).toBe("客户,日期,金额");
        const { clients } = await deriveClientFeatures({
          transactions: file,
          id: "客户",
          date: "日期",
          amount: "金额",
        });
        expect(clients.ids).toEqual(table.ids);
        expect(Array.from(clients.numeric.monetary)).toEqual(Array.from(table.columns["金额"]!));
      });
    }
  }

  it("refuses a header that is neither UTF-8 nor GBK, in both paths", async () => {
    const latin1 = Buffer.from("id,Caf\xe9,amount\na,x,1\n", "latin1");
    const file = path.join(scratch, "latin1.csv");
    writeFileSync(file, latin1);
    await expect(parseTable(latin1, file, "csv")).rejects.toThrow(
      loadMessages.unknownEncoding(file).message,
    );
    const error = await prepareTransactionFile(file, "auto").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SegworkError);
    expect((error as SegworkError).message).toBe(featureMessages.undetectedEncoding(file).message);
    expect((error as SegworkError).message).toContain("--encoding gbk");
  });

  it("a forced utf8 with a GBK header says the header is not UTF-8 (no mojibake column names)", async () => {
    const file = path.join(scratch, "gbk-forced-utf8.csv");
    writeFileSync(file, gbk);
    const error = await prepareTransactionFile(file, "utf8").catch((e: unknown) => e);
    expect((error as SegworkError).message).toBe(featureMessages.notUtf8(file).message);
    await expect(parseTable(gbk, file, "csv", { encoding: "utf8" })).rejects.toThrow(
      loadMessages.invalidUtf8(file).message,
    );
  });
});
