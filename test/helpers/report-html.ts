/**
 * Reading a rendered report in tests without a browser: the ids of its
 * sections, and the cells of a table as text.
 */

const decodeEntities = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/**
 * Text of html: tags dropped, the five escapes decoded.
 *
 * @example
 * unescape("<b>a &amp; b</b>"); // => "a & b"
 */
export const unescape = (s: string): string => decodeEntities(s.replace(/<[^>]+>/g, ""));

/**
 * The text a reader sees in `html`: styles and scripts dropped, every tag a
 * space (so words of adjacent cells stay apart), entities decoded.
 *
 * @example
 * visibleText("<th>Rule</th><th>Count</th>"); // => " Rule  Count "
 */
export function visibleText(html: string): string {
  return decodeEntities(
    html.replace(/<(style|script)[\s\S]*?<\/\1>/g, " ").replace(/<[^>]+>/g, " "),
  );
}

/**
 * The cells of each body row of the first table in `html`, as text.
 *
 * @example
 * bodyRows(section.html.value)[0]; // => ["0: Recent", "0", "6.000", …]
 */
export function bodyRows(html: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html);
  if (body === null) throw new Error("no table body in the html");
  return [...body[1]!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => unescape(cell[1]!)),
  );
}

/**
 * The ids of a document's sections, in order.
 *
 * @example
 * sectionIds(await renderPeriodReport(run, 1)); // => ["overview", "refit", …]
 */
export const sectionIds = (html: string): string[] =>
  [...html.matchAll(/<section class="report-section" id="([^"]+)"/g)].map((m) => m[1]!);

/**
 * The html of the section with this id (its heading and body).
 *
 * @example
 * sectionHtml(page, "campaign");
 */
export function sectionHtml(html: string, id: string): string {
  const start = html.indexOf(`<section class="report-section" id="${id}"`);
  if (start < 0) throw new Error(`no section "${id}"`);
  return html.slice(start, html.indexOf("</section>", start));
}
