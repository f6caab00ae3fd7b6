/**
 * Keyboard access to a live chart, as browser JavaScript spliced into the
 * chart script (`chart-script.ts`), where `show`, `hide`, `say` and `words`
 * are in scope. A chart with tips becomes one tab stop: the arrow keys step
 * through its marks in drawing order (only the picked series' while a legend
 * entry is picked), Home/End jump to the first/last, each step shows the
 * mark's tooltip beside it with a ring on the mark and announces the same
 * fields in the page's live region; Escape or leaving the chart hides them
 * (leaving also starts the next visit at the first mark).
 * Legend entries become toggle buttons (`aria-pressed`) for Tab, Enter and
 * Space. The chart's wrapper changes from `role="img"` to `role="group"`
 * (same label): an image's children are presentational, so its buttons
 * would be hidden from screen readers.
 */

/** Defines `keyboard(svg, groups, byGroup)` and `legendKeys(entries, toggle)`. */
export const KEYS_CODE = `
  const STEPS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
  const count = new Intl.NumberFormat(doc.documentElement.lang || undefined);
  const hint = doc.createElement("p");
  hint.id = "chart-keys-hint";
  hint.hidden = true;
  hint.textContent = words.chartKeys || "";
  doc.body.appendChild(hint);
  const asText = (content) =>
    typeof content === "string"
      ? content
      : content.map(([key, value]) => fill(words.field, { key, value })).join(words.fieldSeparator ?? "");
  const keyboard = (svg, groups, byGroup) => {
    const body = svg.closest(".chart-body");
    // every mark with a tip, in drawing order; a line or area path once per item
    const items = [];
    for (const g of groups) {
      const entry = byGroup.get(g);
      if (!entry) continue;
      if (entry.at) {
        const el = g.firstElementChild;
        if (el) entry.at.forEach((at, i) => entry.tips[i] && items.push({ el, at, tip: entry.tips[i] }));
      } else Array.from(g.children).forEach((el, i) => entry.tips[i] && items.push({ el, tip: entry.tips[i] }));
    }
    if (!body || items.length === 0) return;
    body.setAttribute("role", "group");
    body.tabIndex = 0;
    body.setAttribute("aria-describedby", hint.id);
    const ring = doc.createElementNS(svg.namespaceURI, "circle");
    ring.setAttribute("class", "mark-ring");
    ring.setAttribute("r", "7");
    ring.style.display = "none";
    svg.appendChild(ring);
    let current = null;
    const centre = (item) => {
      if (item.at) return new DOMPoint(item.at[0], item.at[1]).matrixTransform(item.el.getScreenCTM());
      const r = item.el.getBoundingClientRect();
      return new DOMPoint(r.x + r.width / 2, r.y + r.height / 2);
    };
    // the tooltip is fixed to the viewport: placed again while the page scrolls under it
    const reveal = () => {
      const p = centre(current);
      show(current.tip, { clientX: p.x, clientY: p.y });
      const q = p.matrixTransform(svg.getScreenCTM().inverse());
      ring.setAttribute("cx", q.x.toFixed(1));
      ring.setAttribute("cy", q.y.toFixed(1));
      ring.style.display = "";
    };
    addEventListener("scroll", () => ring.style.display === "" && reveal(), { capture: true, passive: true });
    const step = (by) => {
      const shown = items.filter((item) => item.el.style.opacity !== String(dimmed));
      if (shown.length === 0) return;
      const at = shown.indexOf(current);
      const next =
        by === "Home" ? 0
        : by === "End" ? shown.length - 1
        : at < 0 ? 0
        : Math.min(shown.length - 1, Math.max(0, at + by));
      current = shown[next];
      reveal();
      say(fill(words.mark, { fields: asText(current.tip), index: count.format(next + 1), count: count.format(shown.length) }));
    };
    const away = () => {
      hide();
      ring.style.display = "none";
    };
    body.addEventListener("keydown", (e) => {
      if (e.target !== body) return;
      if (e.key === "Escape") return away();
      const by = e.key === "Home" || e.key === "End" ? e.key : STEPS[e.key];
      if (by === undefined) return;
      e.preventDefault();
      step(by);
    });
    // Escape keeps the place; leaving the chart starts the next visit at its first mark
    body.addEventListener("focusout", () => {
      away();
      current = null;
    });
  };
  const legendKeys = (entries, toggle) => {
    for (const e of entries) {
      const label = e.entry.querySelector("g.role-legend-label text");
      e.entry.setAttribute("role", "button");
      e.entry.setAttribute("tabindex", "0");
      e.entry.setAttribute("aria-pressed", "false");
      if (label) e.entry.setAttribute("aria-label", label.textContent);
      e.entry.addEventListener("keydown", (ev) => {
        if (ev.key !== "Enter" && ev.key !== " ") return;
        ev.preventDefault();
        toggle(e);
      });
    }
  };
`;

/** Styles of keyboard use: focus rings (≥ 3:1 on the white chart), the mark ring, the live region. */
export const KEYS_CSS = `
.chart-body[tabindex]:focus-visible, svg.live g.legend-pick:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
svg.live .mark-ring { fill: none; stroke: #1d2330; stroke-width: 2px; pointer-events: none; }
@media print { svg.live .mark-ring { display: none; } }
.chart-live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
