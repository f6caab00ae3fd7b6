/**
 * The interactive layer's browser code, as text to inline in a report. Plain
 * DOM code with no library: the report must stay one offline file, and what
 * it does (sort and filter tables, mark the section in view in the contents)
 * is small. It only adds to a page that is complete without it; it reads
 * cell text with `textContent` and never writes markup, so hostile names in
 * cells stay text.
 */

import { chartScript } from "./chart-script.js";
import { WORDS_ID } from "./words.js";

/** Tables with at least this many body rows get a filter box and sortable headers. */
export const MIN_INTERACTIVE_ROWS = 5;

/** Plain browser JavaScript (no build step, no DOM types in the Node build): run once on load. */
const BROWSER_CODE = `function segworkInteraction(minRows, wordsId) {
  const doc = document;
  const words = doc.getElementById(wordsId)?.dataset ?? {};

  // Sortable, filterable tables: one header row only (grouped headers are left alone).
  doc.querySelectorAll(".table-wrap > table").forEach((table, t) => {
    const head = table.tHead;
    const body = table.tBodies[0];
    if (!head || head.rows.length !== 1 || !body || body.rows.length < minRows) return;
    const rows = Array.from(body.rows);
    const cellText = (row, j) =>
      (row.cells[j]?.textContent ?? "").trim();
    const asNumber = (text) =>
      text === "" || text === "—"
        ? Number.NaN
        : Number(text.replace(/[,%×\\s]/g, "").replace("−", "-"));
    Array.from(head.rows[0].cells).forEach((th, j) => {
      const numeric = rows.every(
        (r) => cellText(r, j) === "" || !Number.isNaN(asNumber(cellText(r, j))),
      );
      const button = doc.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", () => {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        head.querySelectorAll("th").forEach((other) => other.setAttribute("aria-sort", "none"));
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const key = (r) =>
          numeric ? asNumber(cellText(r, j)) : cellText(r, j);
        const sorted = rows.slice().sort((a, b) => {
          const x = key(a);
          const y = key(b);
          const order =
            typeof x === "number" && typeof y === "number"
              ? (Number.isNaN(x) ? Infinity : x) - (Number.isNaN(y) ? Infinity : y)
              : String(x).localeCompare(String(y));
          return ascending ? order : -order;
        });
        sorted.forEach((r) => body.appendChild(r));
      });
    });
    const label = doc.createElement("label");
    label.className = "table-filter";
    label.textContent = (words.filterRows ?? "") + " ";
    const input = doc.createElement("input");
    input.type = "search";
    input.id = \`table-filter-\${t}\`;
    input.addEventListener("input", () => {
      const needle = input.value.trim().toLowerCase();
      for (const r of rows)
        r.hidden = needle !== "" && !(r.textContent ?? "").toLowerCase().includes(needle);
    });
    label.appendChild(input);
    table.parentElement.before(label);
  });

  // The contents entry of the section in view.
  const links = new Map();
  doc.querySelectorAll(".toc a").forEach((a) => links.set(a.hash.slice(1), a));
  const visible = new Set();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (e.isIntersecting) visible.add(e.target.id);
        else visible.delete(e.target.id);
      }
      const first = Array.from(links.keys()).find((id) => visible.has(id));
      links.forEach((a, id) => {
        if (id === first) a.setAttribute("aria-current", "true");
        else a.removeAttribute("aria-current");
      });
    },
    { rootMargin: "0px 0px -60% 0px" },
  );
  doc.querySelectorAll(".report-section").forEach((section) => observer.observe(section));
}
`;

/**
 * The script text: the function above and the chart code (`chart-script.ts`),
 * each called once with its settings.
 *
 * @example
 * interactionScript().length; // => about 12 kB
 */
export function interactionScript(): string {
  const script = `(${BROWSER_CODE})(${MIN_INTERACTIVE_ROWS}, ${JSON.stringify(WORDS_ID)});\n${chartScript()}`;
  // Indentation only: no string or template literal in the code spans lines.
  return script.replace(/\n\s+/g, "\n");
}
