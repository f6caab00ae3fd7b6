/**
 * The report stylesheet, inlined into every report. System fonts only (no web
 * fonts), a sticky table of contents on wide screens that becomes a top bar on
 * narrow ones, and print rules that hide navigation and keep figures whole.
 */
export const REPORT_CSS = `
:root {
  --text: #1d2330; --muted: #5c6575; --border: #e2e5ea; --soft: #f6f7f9;
  --accent: #2563eb; --accent-soft: #eef3ff; --highlight: #fff4d6; --warn: #b45309;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; scroll-behavior: smooth; }
body {
  margin: 0; color: var(--text); background: #fff;
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
}
.layout { display: grid; grid-template-columns: 230px minmax(0, 1fr); max-width: 1340px; margin: 0 auto; }
.toc {
  position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto;
  padding: 36px 16px 24px 24px; font-size: 14px;
}
.toc-title { text-transform: uppercase; letter-spacing: .07em; font-size: 11.5px; color: var(--muted); font-weight: 600; margin: 0 0 8px 8px; }
.toc ol { list-style: none; margin: 0; padding: 0; border-left: 2px solid var(--border); }
.toc li { margin: 0; }
.toc a { display: block; padding: 4px 10px; margin-left: -2px; border-left: 2px solid transparent; color: var(--text); text-decoration: none; }
.toc a:hover { border-left-color: var(--accent); color: var(--accent); }
main { padding: 32px 40px 64px; min-width: 0; max-width: 1100px; }
.report-header { border-bottom: 1px solid var(--border); padding-bottom: 20px; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; font-weight: 600; color: var(--accent); margin: 0; }
h1 { font-size: 30px; line-height: 1.2; margin: 4px 0 8px; letter-spacing: -0.015em; }
.subtitle { color: var(--muted); font-size: 16.5px; margin: 0 0 16px; max-width: 80ch; }
.run-meta { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 18px; margin: 0; font-size: 14px; }
.run-meta div { display: contents; }
.run-meta dt { color: var(--muted); }
.run-meta dd { margin: 0; overflow-wrap: anywhere; }
.run-meta code { display: block; white-space: pre-wrap; word-break: break-word; padding: 4px 8px; }
code {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
  font-size: .88em; background: var(--soft); padding: 1px 5px; border: 1px solid var(--border); border-radius: 4px;
}
.report-section { padding-top: 30px; scroll-margin-top: 12px; }
h2 { font-size: 21px; line-height: 1.3; margin: 0 0 14px; padding-bottom: 6px; border-bottom: 1px solid var(--border); }
h3 { font-size: 16px; margin: 24px 0 8px; }
p { margin: 0 0 12px; max-width: 80ch; }
.muted { color: var(--muted); }
ul.notes { margin: 0 0 16px; padding-left: 20px; max-width: 80ch; }
ul.notes li { margin: 2px 0; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 12px; margin: 0 0 18px; }
.fact { border: 1px solid var(--border); border-radius: 8px; padding: 10px 14px; background: #fff; }
.fact dt { font-size: 11.5px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
.fact dd { margin: 2px 0 0; font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; line-height: 1.25; }
.fact-detail { display: block; font-size: 12.5px; font-weight: 400; color: var(--muted); }
.table-wrap { overflow-x: auto; margin: 0 0 18px; border: 1px solid var(--border); border-radius: 8px; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; font-variant-numeric: tabular-nums; }
caption { caption-side: top; text-align: left; padding: 8px 12px; color: var(--muted); font-size: 13px; border-bottom: 1px solid var(--border); }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--border); vertical-align: top; }
th { background: var(--soft); font-weight: 600; text-align: left; white-space: nowrap; }
th.group { text-align: center; border-left: 1px solid var(--border); border-right: 1px solid var(--border); }
th.right, td.right { text-align: right; }
td.right { white-space: nowrap; }
td.wide { min-width: 22ch; }
tbody tr:last-child td { border-bottom: none; }
tbody tr:nth-child(even) td { background: #fbfbfc; }
tbody tr.highlight td, tbody tr.highlight:nth-child(even) td { background: var(--highlight); font-weight: 600; }
.sub { display: block; color: var(--muted); font-size: 12px; }
.chart { margin: 8px 0 24px; padding: 16px 16px 12px; border: 1px solid var(--border); border-radius: 8px; background: #fff; }
.chart-title { font-weight: 600; margin-bottom: 8px; }
.chart-body { overflow-x: auto; }
.chart-body svg { display: block; max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 8px; max-width: 90ch; }
.callout { border-left: 4px solid var(--accent); background: var(--accent-soft); padding: 12px 18px; border-radius: 0 8px 8px 0; margin: 0 0 20px; }
.callout.warning { border-left-color: var(--warn); background: #fff6ea; }
.callout.info { border-left-color: #64748b; background: var(--soft); }
.callout-title { font-weight: 700; margin: 0 0 4px; font-size: 16.5px; }
.callout-body p:last-child { margin-bottom: 0; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
.summary-lead { font-size: 16.5px; max-width: 80ch; }
ul.summary-lines { margin: 0 0 14px; padding-left: 20px; max-width: 90ch; }
ul.summary-lines li { margin: 3px 0; }
.report-footer { margin-top: 48px; padding-top: 12px; border-top: 1px solid var(--border); color: var(--muted); font-size: 13px; }
/* Rule segments and the rule-vs-cluster comparison. */
.pill { display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 12px; font-weight: 600; line-height: 20px; white-space: nowrap; background: var(--soft); border: 1px solid var(--border); color: var(--muted); }
.pill.warn { background: #fff6ea; border-color: #f3d3a8; color: var(--warn); }
.pill.bad { background: #fdecec; border-color: #f1b8b8; color: #b42318; }
.pill.ok { background: #ecf7ef; border-color: #b7dfc2; color: #1f7a3a; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 16px; padding: 0; list-style: none; }
.chips li code { white-space: nowrap; }
code.nowrap { white-space: nowrap; }
.keywords { color: var(--muted); font-size: 12.5px; }
.rule-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 14px; margin: 0 0 22px; }
.rule-card { border: 1px solid var(--border); border-left: 5px solid var(--accent); border-radius: 8px; padding: 12px 16px 10px; background: #fff; }
.rule-card-head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; margin-bottom: 6px; }
.rule-card-name { font-weight: 700; }
.rule-card-size { color: var(--muted); font-size: 13px; white-space: nowrap; }
.rule-text { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 13.5px; background: var(--soft); border: 1px solid var(--border); border-radius: 6px; padding: 6px 10px; margin: 0 0 10px; overflow-wrap: anywhere; max-width: none; }
.rule-text .cond { white-space: nowrap; }
.rule-text .and { color: var(--muted); font-family: inherit; }
.meters { display: grid; grid-template-columns: max-content minmax(60px, 1fr) max-content; gap: 4px 10px; align-items: center; font-size: 13px; margin: 0; }
.meters dt { color: var(--muted); }
.meters dd { margin: 0; font-variant-numeric: tabular-nums; text-align: right; font-weight: 600; }
.meter { display: block; height: 8px; border-radius: 4px; background: var(--soft); border: 1px solid var(--border); overflow: hidden; }
.meter span { display: block; height: 100%; background: var(--accent); }
.rule-card-note { color: var(--muted); font-size: 12.5px; margin: 8px 0 0; }
@media (max-width: 900px) {
  .layout { display: block; }
  .toc { position: static; max-height: none; padding: 14px 20px; border-bottom: 1px solid var(--border); }
  .toc ol { display: flex; flex-wrap: wrap; gap: 2px 4px; border-left: none; }
  .toc a { border-left: none; padding: 2px 8px; }
  main { padding: 20px; }
}
@media print {
  .toc { display: none; }
  /* The business summary (with the run header above it) is page one on its own. */
  #at-a-glance { break-after: page; }
  .report-section { padding-top: 14pt; }
  .layout { display: block; max-width: none; }
  main { max-width: none; padding: 0; }
  body { font-size: 10.5pt; }
  .chart, .callout, .facts, tr, .rule-card { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .table-wrap, .chart-body { overflow: visible; }
  table { font-size: 9pt; }
  th { white-space: normal; }
  th, td { padding: 4px 6px; }
  td.wide { min-width: 0; }
  a { color: inherit; text-decoration: none; }
  tr.highlight td, .callout, .swatch, .pill, .meter span, .rule-card { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
