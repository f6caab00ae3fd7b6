/**
 * The HTML shell of segwork reports and the building blocks sections are made
 * of. Every user-supplied string (column names, labels, file names, the
 * command line, ids) is escaped here, exactly once: text goes in as plain
 * strings, and markup travels as {@link SafeHtml}, which is never escaped
 * again. The output is one self-contained file: inline CSS, inline SVG, no
 * scripts and no external requests (a Content-Security-Policy forbids them).
 */
import { formatNumber } from "./format.js";
import { localeFor } from "./i18n/locale.js";
import type { Lang } from "./i18n/locale.js";
import { REPORT_CSS } from "./styles.js";

/**
 * Escapes a value for use as HTML text or a quoted attribute value:
 * `& < > " '` become entities. Non-strings are converted with `String`.
 *
 * @example
 * escapeHtml('<script>alert("x")</script>'); // => "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
 */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

// Only this module holds the token, so only this module can turn a string into markup.
const TRUSTED: unique symbol = Symbol("segwork.trustedHtml");

/**
 * Markup that is already safe: built by {@link markup} or a building block from
 * escaped text. It is inserted verbatim wherever it is interpolated. It cannot
 * be constructed outside this module.
 *
 * @throws {TypeError} when constructed outside this module
 * @example
 * markup`<p>${"a < b"}</p>` instanceof SafeHtml; // => true
 */
export class SafeHtml {
  readonly value: string;

  constructor(token: typeof TRUSTED, value: string) {
    if (token !== TRUSTED)
      throw new TypeError("SafeHtml is built by markup`` and the report building blocks only");
    this.value = value;
  }

  toString(): string {
    return this.value;
  }
}

function trusted(value: string): SafeHtml {
  return new SafeHtml(TRUSTED, value);
}

/** A value that may be interpolated into {@link markup}. */
export type HtmlValue =
  SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function renderValue(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((item: HtmlValue) => renderValue(item)).join("");
  return escapeHtml(value);
}

/**
 * Tagged template for markup: the literal parts are markup, every
 * interpolated value is escaped (unless it is {@link SafeHtml}); arrays are
 * concatenated; `null`, `undefined` and `false` render as nothing.
 *
 * @example
 * const name = "<b>x</b>";
 * markup`<p>${name}</p>`.toString(); // => "<p>&lt;b&gt;x&lt;/b&gt;</p>"
 */
export function markup(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += renderValue(values[i]) + (strings[i + 1] ?? "");
  return trusted(out);
}

/**
 * Concatenates parts into one piece of markup (text parts are escaped).
 *
 * @example
 * join(paragraph("a < b"), markup`<hr>`).value; // => "<p>a &lt; b</p><hr>"
 */
export function join(...parts: HtmlValue[]): SafeHtml {
  return markup`${parts}`;
}

/**
 * A paragraph of text.
 *
 * @example
 * paragraph("Rows & columns").value; // => "<p>Rows &amp; columns</p>"
 */
export function paragraph(text: string): SafeHtml {
  return markup`<p>${text}</p>`;
}

/** One cell of a {@link table}: text (escaped), a number (formatted), markup, or empty. */
export type Cell = string | number | null | undefined | SafeHtml;

/** A column of a {@link table}. */
export interface TableColumn<Row> {
  header: string;
  /** Header shared by consecutive columns with the same group (a two-row header). */
  group?: string;
  /** The cell of this column for a row. */
  value: (row: Row, index: number) => Cell;
  /** Default: right for columns whose first non-empty value is a number, else left. */
  align?: "left" | "right";
  /** Decimals for number cells (default: by magnitude, see `formatNumber`). */
  decimals?: number;
  /** Explanation shown as the header's tooltip. */
  description?: string;
  /** Text that should not be squeezed into a narrow column (e.g. sentences). */
  wide?: boolean;
}

/** Options of {@link table}. */
export interface TableOptions<Row> {
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  caption?: string;
  /** Rows to emphasise (e.g. the recommended k). */
  highlight?: (row: Row, index: number) => boolean;
}

function columnAlign<Row>(column: TableColumn<Row>, rows: readonly Row[]): "left" | "right" {
  if (column.align) return column.align;
  for (let i = 0; i < rows.length; i++) {
    const value = column.value(rows[i]!, i);
    if (value !== null && value !== undefined && value !== "")
      return typeof value === "number" ? "right" : "left";
  }
  return "left";
}

function renderCell<Row>(column: TableColumn<Row>, row: Row, index: number): SafeHtml | string {
  const value = column.value(row, index);
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formatNumber(value, column.decimals);
  return value;
}

function headerCell<Row>(column: TableColumn<Row>, align: string, rowspan: number): SafeHtml {
  const span = rowspan > 1 ? markup` rowspan="${rowspan}"` : "";
  const title = column.description ? markup` title="${column.description}"` : "";
  return markup`<th scope="col" class="${align}"${span}${title}>${column.header}</th>`;
}

function tableHead<Row>(columns: readonly TableColumn<Row>[], aligns: string[]): SafeHtml {
  if (!columns.some((column) => column.group !== undefined)) {
    return markup`<tr>${columns.map((column, j) => headerCell(column, aligns[j]!, 1))}</tr>`;
  }
  const top: SafeHtml[] = [];
  const bottom: SafeHtml[] = [];
  for (let j = 0; j < columns.length;) {
    const group = columns[j]!.group;
    if (group === undefined) {
      top.push(headerCell(columns[j]!, aligns[j]!, 2));
      j++;
      continue;
    }
    let end = j;
    while (end < columns.length && columns[end]!.group === group) end++;
    top.push(markup`<th scope="colgroup" colspan="${end - j}" class="group">${group}</th>`);
    for (let g = j; g < end; g++) bottom.push(headerCell(columns[g]!, aligns[g]!, 1));
    j = end;
  }
  return markup`<tr>${top}</tr><tr>${bottom}</tr>`;
}

/**
 * A data table: numbers right-aligned with tabular figures and thousands
 * separators, optional grouped headers, highlighted rows, and a horizontal
 * scroll wrapper for wide tables.
 *
 * @example
 * table({
 *   columns: [{ header: "k", value: (r: { k: number }) => r.k }],
 *   rows: [{ k: 2 }, { k: 3 }],
 *   highlight: (r) => r.k === 3,
 * });
 */
export function table<Row>(options: TableOptions<Row>): SafeHtml {
  const { columns, rows, caption, highlight } = options;
  const aligns = columns.map((column) => columnAlign(column, rows));
  const body = rows.map((row, i) => {
    const marked = highlight?.(row, i) === true ? markup` class="highlight"` : "";
    const cells = columns.map((column, j) => {
      const className = `${aligns[j]!}${column.wide ? " wide" : ""}`;
      return markup`<td class="${className}">${renderCell(column, row, i)}</td>`;
    });
    return markup`<tr${marked}>${cells}</tr>`;
  });
  const head = tableHead(columns, aligns);
  const title = caption ? markup`<caption>${caption}</caption>` : "";
  return markup`<div class="table-wrap"><table>${title}<thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}

/** Options of {@link chart}. */
export interface ChartOptions {
  /** SVG markup from `renderSvg` (trusted: vega escapes the text it draws). */
  svg: string;
  /** Heading above the chart. */
  title?: string;
  /** Sentence below the chart: what is shown, sample sizes, how to read it. */
  caption?: string;
  /**
   * The text alternative: what the chart shows, stated from its numbers ("the
   * knee is at k = 4"). Read by screen readers as the chart's label and kept
   * as the SVG's `<desc>`; without it the label is the title and caption.
   */
  alt?: string;
}

/**
 * A figure holding one chart. The SVG must come from `renderSvg`; it is the
 * one piece of markup inserted without escaping, because vega has already
 * escaped the text inside it.
 *
 * @example
 * chart({ svg: await renderSvg(elbowSpec(rows, { elbowK: 4 })), title: "Elbow", caption: "Inertia by k." });
 */
export function chart(options: ChartOptions): SafeHtml {
  const body = trusted(options.alt ? withDescription(options.svg, options.alt) : options.svg);
  const label =
    options.alt ?? ([options.title, options.caption].filter(Boolean).join(". ") || "Chart");
  const title = options.title ? markup`<div class="chart-title">${options.title}</div>` : "";
  const caption = options.caption ? markup`<figcaption>${options.caption}</figcaption>` : "";
  return markup`<figure class="chart">${title}<div class="chart-body" role="img" aria-label="${label}">${body}</div>${caption}</figure>`;
}

/** Puts a `<desc>` with the text alternative first inside the SVG (escaped). */
function withDescription(svg: string, alt: string): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (open === null) return svg;
  const end = open.index + open[0].length;
  return `${svg.slice(0, end)}<desc>${escapeHtml(alt)}</desc>${svg.slice(end)}`;
}

/** Tones of a {@link callout}. */
export type CalloutTone = "recommendation" | "info" | "warning";

/**
 * A highlighted box for a conclusion or a caveat.
 *
 * @example
 * callout({ title: "Recommended k = 4", body: "Knee at 4; silhouette peaks at 4 (0.41)." });
 */
export function callout(options: {
  title: string;
  body: string | SafeHtml;
  tone?: CalloutTone;
}): SafeHtml {
  const tone = options.tone ?? "recommendation";
  const role = tone === "warning" ? "alert" : "note";
  const body = typeof options.body === "string" ? markup`<p>${options.body}</p>` : options.body;
  return markup`<aside class="callout ${tone}" role="${role}"><p class="callout-title">${options.title}</p><div class="callout-body">${body}</div></aside>`;
}

/** A labelled headline number for {@link facts}. */
export interface Fact {
  label: string;
  value: string;
  /** Small print under the value. */
  detail?: string;
}

/**
 * A row of headline numbers ("tiles"), e.g. rows read and kept.
 *
 * @example
 * facts([{ label: "Rows kept", value: "4,338", detail: "of 4,372" }]);
 */
export function facts(items: readonly Fact[]): SafeHtml {
  const tiles = items.map((item) => {
    const detail = item.detail ? markup`<span class="fact-detail">${item.detail}</span>` : "";
    return markup`<div class="fact"><dt>${item.label}</dt><dd>${item.value}${detail}</dd></div>`;
  });
  return markup`<dl class="facts">${tiles}</dl>`;
}

/** One section of a report; `id` is the anchor in the table of contents. */
export interface ReportSection {
  id: string;
  title: string;
  html: SafeHtml;
}

/** A labelled line of the report header (e.g. "Command", "Source"). */
export interface HeaderField {
  label: string;
  value: string | SafeHtml;
}

/** Options of {@link renderDocument}. */
export interface DocumentOptions {
  title: string;
  /** A sentence under the title. */
  subtitle?: string;
  /** Facts about the run shown in the header. */
  header?: readonly HeaderField[];
  sections: readonly ReportSection[];
  /** Text of the footer. */
  footer?: string;
  /** Language of the page (`<html lang>`) and of its own labels; default "en". */
  lang?: Lang;
}

/**
 * Renders a complete, self-contained HTML document: header, a table of
 * contents linking to each section, the sections, and a footer. The page
 * carries a Content-Security-Policy that blocks scripts and every network
 * request, so nothing can load from the web even by mistake.
 *
 * @throws {Error} when two sections share an id (the contents would link to the wrong one)
 * @example
 * renderDocument({ title: "Clusters", sections: [{ id: "data", title: "Data", html: markup`<p>…</p>` }] });
 */
export function renderDocument(options: DocumentOptions): string {
  const ids = new Set<string>();
  for (const section of options.sections) {
    if (ids.has(section.id)) throw new Error(`duplicate report section id "${section.id}"`);
    ids.add(section.id);
  }
  const links = options.sections.map(
    (section) => markup`<li><a href="#${section.id}">${section.title}</a></li>`,
  );
  const locale = localeFor(options.lang ?? "en");
  const contents = locale.t("doc.contents");
  const toc = markup`<nav class="toc" aria-label="${contents}"><p class="toc-title">${contents}</p><ol>${links}</ol></nav>`;
  const fields = (options.header ?? []).map(
    (field) => markup`<div><dt>${field.label}</dt><dd>${field.value}</dd></div>`,
  );
  const meta = fields.length > 0 ? markup`<dl class="run-meta">${fields}</dl>` : "";
  const subtitle = options.subtitle ? markup`<p class="subtitle">${options.subtitle}</p>` : "";
  const header = markup`<header class="report-header"><p class="eyebrow">${locale.t("doc.eyebrow")}</p><h1>${options.title}</h1>${subtitle}${meta}</header>`;
  const sections = options.sections.map(
    (section) =>
      markup`<section class="report-section" id="${section.id}" aria-labelledby="${section.id}-title"><h2 id="${section.id}-title">${section.title}</h2>${section.html}</section>`,
  );
  const footer = options.footer
    ? markup`<footer class="report-footer">${options.footer}</footer>`
    : "";
  const page = markup`<!doctype html>
<html lang="${locale.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>${options.title}</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
<div class="layout">
${toc}
<main>
${header}
${sections}
${footer}
</main>
</div>
</body>
</html>
`;
  return page.value;
}
