/**
 * The interactive layer's chart code, as text to inline in a report: a
 * tooltip on hover of a mark and series selection by legend. It works on the
 * static SVG already in the page (see `chart-tips.ts` for why no vega runtime
 * is shipped): the tips come from the chart's `<metadata>` (n-th entry for the
 * n-th `g.role-mark`), and a legend entry selects the marks drawn in its
 * colour. A chart whose metadata does not match its marks is left static.
 * The same tooltips and legend picks work from the keyboard (`chart-keys.ts`),
 * announced in one `aria-live` region; the words come from the page
 * (`words.ts`). Tooltip and announced text is set with `textContent`, so a
 * hostile label stays text.
 */
import { KEYS_CODE, KEYS_CSS } from "./chart-keys.js";
import { TIPS_CLASS } from "./chart-tips.js";
import { WORDS_ID } from "./words.js";

/** Opacity of the marks and legend entries not picked (the picked ones keep theirs). */
export const DIMMED_OPACITY = 0.15;

/** Plain browser JavaScript, like `script.ts`: run once on load. */
const CHART_CODE = `function segworkCharts(tipsClass, dimmed, wordsId) {
  const doc = document;
  // a report rendered without tips (addInteraction alone) gets no tooltip element
  if (!doc.querySelector("figure.chart svg > metadata." + tipsClass)) return;
  const words = doc.getElementById(wordsId)?.dataset ?? {};
  // a catalogue template's {name} placeholders, filled once (values are not scanned again)
  const fill = (template, values) =>
    (template || "").replace(/\\{(\\w+)\\}/g, (whole, name) => (name in values ? values[name] : whole));
  const tip = doc.createElement("div");
  tip.className = "chart-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  doc.body.appendChild(tip);
  const live = doc.createElement("div");
  live.className = "chart-live";
  live.setAttribute("aria-live", "polite");
  doc.body.appendChild(live);
  const say = (text) => {
    live.textContent = text;
  };
  const place = (e) => {
    const pad = 14;
    let x = e.clientX + pad;
    let y = e.clientY + pad;
    if (x + tip.offsetWidth > innerWidth - 4) x = e.clientX - pad - tip.offsetWidth;
    if (y + tip.offsetHeight > innerHeight - 4) y = e.clientY - pad - tip.offsetHeight;
    tip.style.left = Math.max(4, x) + "px";
    tip.style.top = Math.max(4, y) + "px";
  };
  const show = (content, e) => {
    tip.textContent = "";
    if (typeof content === "string") tip.textContent = content;
    else
      for (const [key, value] of content) {
        const row = doc.createElement("div");
        const k = doc.createElement("span");
        k.className = "key";
        k.textContent = key;
        const v = doc.createElement("span");
        v.textContent = value;
        row.append(k, v);
        tip.appendChild(row);
      }
    tip.hidden = false;
    place(e);
  };
  const hide = () => {
    tip.hidden = true;
  };
${KEYS_CODE}
  const colours = (el) =>
    [el.getAttribute("fill"), el.getAttribute("stroke")]
      .filter((c) => c && c !== "none" && c !== "transparent")
      .map((c) => c.toLowerCase());

  doc.querySelectorAll("figure.chart svg").forEach((svg) => {
    const meta = svg.querySelector("metadata." + tipsClass);
    if (!meta) return;
    let data;
    try {
      data = JSON.parse(meta.textContent);
    } catch {
      return;
    }
    const groups = Array.from(svg.querySelectorAll("g.role-mark"));
    if (!Array.isArray(data.marks) || groups.length !== data.marks.length) return;
    // Tips item by item, from the packed form (see unpackTips in chart-tips.ts).
    const unpack = (mark) => {
      if (mark.tips) return mark.tips;
      const keys = mark.k || [];
      const columns = mark.c || [];
      const value = (col, i) => {
        if (Array.isArray(col)) return col[i] ?? null;
        const index = col.i[i] ?? -1;
        return index < 0 ? null : col.d[index];
      };
      const first = columns[0];
      const count = first === undefined ? 0 : Array.isArray(first) ? first.length : first.i.length;
      return Array.from({ length: count }, (_, i) => {
        const pairs = [];
        keys.forEach((key, j) => {
          const v = value(columns[j], i);
          if (v !== null) pairs.push([key, v]);
        });
        return pairs.length === 0 ? 0 : pairs;
      });
    };
    const byGroup = new Map();
    data.marks.forEach((entry, i) => {
      if (entry) byGroup.set(groups[i], { tips: unpack(entry), at: entry.at });
    });
    svg.classList.add("live");
    keyboard(svg, groups, byGroup);

    // Tooltips: the tip of the mark element under the pointer (for a line or
    // area, of its item nearest the pointer).
    const nearest = (at, el, e) => {
      const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(el.getScreenCTM().inverse());
      let best = 0;
      let bestDistance = Infinity;
      at.forEach(([x, y], i) => {
        const d = (x - p.x) ** 2 + (y - p.y) ** 2;
        if (d < bestDistance) [best, bestDistance] = [i, d];
      });
      return best;
    };
    const tipAt = (e) => {
      for (let el = e.target; el && el !== svg; el = el.parentNode) {
        const entry = byGroup.get(el.parentNode);
        if (!entry) continue;
        const i = entry.at ? nearest(entry.at, el, e) : Array.prototype.indexOf.call(el.parentNode.children, el);
        return entry.tips[i] || 0;
      }
      return 0;
    };
    svg.addEventListener("pointermove", (e) => {
      const content = tipAt(e);
      if (content) show(content, e);
      else hide();
    });
    svg.addEventListener("pointerleave", hide);

    // Legend selection: a click on an entry keeps the marks of its colour and
    // dims the others; a second click (or a click on the picked one) clears it.
    const entries = Array.from(svg.querySelectorAll("g.role-legend-entry g.role-scope > g"))
      .map((entry) => {
        const symbol = entry.querySelector("g.role-legend-symbol > *");
        return { entry, keys: symbol ? colours(symbol) : [] };
      })
      .filter((e) => e.keys.length > 0);
    if (entries.length === 0) return;
    // the legend's buttons would be hidden inside an image (see chart-keys.ts)
    svg.closest(".chart-body")?.setAttribute("role", "group");
    const palette = new Set(entries.flatMap((e) => e.keys));
    const series = groups
      .flatMap((g) => Array.from(g.children))
      .filter((el) => colours(el).some((c) => palette.has(c)));
    let picked = null;
    const apply = () => {
      for (const el of series)
        el.style.opacity =
          picked === null || colours(el).some((c) => picked.keys.includes(c)) ? "" : String(dimmed);
      for (const e of entries) {
        e.entry.style.opacity = picked === null || e === picked ? "" : "0.4";
        e.entry.classList.toggle("legend-picked", e === picked);
        e.entry.setAttribute("aria-pressed", String(e === picked));
      }
      svg.classList.toggle("picked", picked !== null);
    };
    const toggle = (e) => {
      picked = picked === e ? null : e;
      apply();
      say(picked === null ? words.legendCleared : fill(words.legendPicked, { name: e.entry.getAttribute("aria-label") || "" }));
    };
    for (const e of entries) {
      e.entry.classList.add("legend-pick");
      e.entry.addEventListener("click", () => toggle(e));
    }
    legendKeys(entries, toggle);
  });
}
`;

/** CSS of the chart layer (added with the rest of the interactive layer's styles). */
export const CHART_CSS = `
.chart-tip { position: fixed; z-index: 20; pointer-events: none; max-width: 360px; padding: 5px 8px; background: #fff; color: #1f2430; border: 1px solid #8a93a3; border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.15); font-size: 12.5px; line-height: 1.45; }
.chart-tip[hidden] { display: none; }
.chart-tip .key { color: #4a5160; margin-right: 8px; }
.chart-tip .key::after { content: ":"; }
svg.live g.legend-pick { cursor: pointer; }
svg.live g.legend-pick > path.background { pointer-events: all; }
@media print { .chart-tip { display: none; } }
${KEYS_CSS}`;

/**
 * The chart script text: the function above, called once with its settings.
 *
 * @example
 * chartScript().startsWith("(function segworkCharts"); // => true
 */
export function chartScript(): string {
  return `(${CHART_CODE})(${JSON.stringify(TIPS_CLASS)}, ${DIMMED_OPACITY}, ${JSON.stringify(WORDS_ID)});`;
}
