/**
 * SheetJS (the `@e965/xlsx` republication of SheetJS 0.20.3 on the npm
 * registry: the registry's own `xlsx` stops at 0.18.5, which carries
 * CVE-2023-30533 and CVE-2024-22363), imported on first use so that CSV-only
 * runs do not pay for it.
 *
 * Why SheetJS rather than ExcelJS 4.4 (measured on the same machine, under
 * load, reading every cell): install 7.9 MB and no dependencies against
 * 53 MB in 170 packages; a 100,000-row × 8 sheet in 7.2–8.9 s against
 * 8.2–10.2 s and 330 MB against 460–600 MB of memory; the 4,338-row client
 * table in 0.86–1.48 s against 1.49–1.87 s. And danfojs-node's own `xlsx`
 * dependency can point at the same package (`overrides` in package.json).
 */
export type SheetJs = typeof import("@e965/xlsx");

let plain: Promise<SheetJs> | undefined;
let withCodepages: Promise<SheetJs> | undefined;

/**
 * The ES module build (no codepage tables: XLSX files are UTF-8 XML). With
 * `codepages`, the tables for legacy `.xls` files written in a Windows
 * codepage (GBK exports from Chinese Excel, for one) are loaded too.
 *
 * @example const XLSX = await loadSheetJs(); XLSX.utils.book_new();
 */
export function loadSheetJs(codepages = false): Promise<SheetJs> {
  plain ??= import("@e965/xlsx");
  if (!codepages) return plain;
  withCodepages ??= Promise.all([plain, import("@e965/xlsx/dist/cpexcel.full.mjs")]).then(
    ([XLSX, tables]) => {
      XLSX.set_cptable(tables);
      return XLSX;
    },
  );
  return withCodepages;
}
