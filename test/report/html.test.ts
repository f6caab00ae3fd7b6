import { describe, expect, it } from "vitest";
import {
  autoDecimals,
  formatInteger,
  formatNumber,
  formatPercent,
} from "../../src/report/format.js";
import {
  callout,
  chart,
  escapeHtml,
  facts,
  join,
  markup,
  paragraph,
  renderDocument,
  SafeHtml,
  table,
} from "../../src/report/html.js";

describe("formatNumber", () => {
  it("uses thousands separators and a precision that suits the magnitude", () => {
    expect(formatNumber(1234567.891)).toBe("1,234,568"); // ≥ 100,000 → no decimals
    expect(formatNumber(1234.5678)).toBe("1,234.57"); // ≥ 1 → two decimals
    expect(formatNumber(0.004123)).toBe("0.00412"); // < 1 → three significant digits
    expect(formatNumber(4338)).toBe("4,338"); // integers stay integers
    expect(formatNumber(1234.5, 1)).toBe("1,234.5");
    expect(formatNumber(-1234.5, 0)).toBe("-1,235");
  });

  it("shows non-finite values and never prints -0", () => {
    expect(formatNumber(Number.NaN)).toBe("—");
    expect(formatNumber(Infinity)).toBe("∞");
    expect(formatNumber(-Infinity)).toBe("−∞");
    expect(formatNumber(-0.0001, 2)).toBe("0.00");
    expect(formatNumber(-0)).toBe("0");
  });

  it("formats counts and shares", () => {
    expect(formatInteger(4337.6)).toBe("4,338");
    expect(formatPercent(0.28413)).toBe("28.4%");
    expect(formatPercent(1, 0)).toBe("100%");
    expect(formatPercent(Number.NaN)).toBe("—");
    expect(autoDecimals(0.5)).toBe(3); // 2 − floor(log10 0.5) = 2 − (−1) = 3
    expect(autoDecimals(12)).toBe(0);
  });
});

describe("escapeHtml and markup``", () => {
  it("escapes the five special characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });

  it("escapes interpolated text once, keeps SafeHtml, joins arrays, drops null/false", () => {
    const name = "<script>alert(1)</script>";
    const inner = markup`<b>${name}</b>`;
    expect(markup`<p>${inner}${[" & ", 3]}${null}${false}${undefined}</p>`.toString()).toBe(
      "<p><b>&lt;script&gt;alert(1)&lt;/script&gt;</b> &amp; 3</p>",
    );
    // Nesting does not escape twice.
    expect(markup`${markup`${markup`${"&"}`}`}`.value).toBe("&amp;");
  });

  it("joins parts and builds paragraphs, escaping text", () => {
    expect(join(paragraph("a < b"), markup`<hr>`, null, "&").value).toBe(
      "<p>a &lt; b</p><hr>&amp;",
    );
  });

  it("cannot be constructed from outside the module", () => {
    expect(() => new SafeHtml(Symbol("fake") as never, "<script>")).toThrow(
      "SafeHtml is built by markup`` and the report building blocks only",
    );
  });
});

describe("table", () => {
  interface Row {
    name: string;
    value: number;
  }
  const rows: Row[] = [
    { name: "<b>a</b>", value: 1234.5 },
    { name: "b", value: 2 },
  ];

  it("escapes text, formats and right-aligns numbers, highlights rows", () => {
    const out = table<Row>({
      caption: "Caption <1>",
      rows,
      highlight: (row) => row.value === 2,
      columns: [
        { header: "Name <n>", value: (row) => row.name },
        { header: "Value", value: (row) => row.value, decimals: 1, description: `"quoted"` },
      ],
    }).value;
    expect(out).toBe(
      '<div class="table-wrap"><table><caption>Caption &lt;1&gt;</caption><thead><tr>' +
        '<th scope="col" class="left">Name &lt;n&gt;</th><th scope="col" class="right" title="&quot;quoted&quot;">Value</th></tr></thead><tbody>' +
        '<tr><td class="left">&lt;b&gt;a&lt;/b&gt;</td><td class="right">1,234.5</td></tr>' +
        '<tr class="highlight"><td class="left">b</td><td class="right">2.0</td></tr></tbody></table></div>',
    );
  });

  it("renders grouped headers on two rows", () => {
    const out = table<Row>({
      rows,
      columns: [
        { header: "Name", value: (row) => row.name },
        { header: "Mean", group: "x <y>", value: (row) => row.value },
        { header: "Median", group: "x <y>", value: (row) => row.value },
      ],
    }).value;
    expect(out).toContain(
      '<thead><tr><th scope="col" class="left" rowspan="2">Name</th><th scope="colgroup" colspan="2" class="group">x &lt;y&gt;</th></tr>' +
        '<tr><th scope="col" class="right">Mean</th><th scope="col" class="right">Median</th></tr></thead>',
    );
  });

  it("leaves empty cells empty and keeps markup cells", () => {
    const out = table<Row>({
      rows: rows.slice(0, 1),
      columns: [
        { header: "Empty", value: () => null },
        { header: "Markup", value: () => markup`<em>${"<x>"}</em>`, wide: true },
      ],
    }).value;
    expect(out).toContain('<td class="left"></td><td class="left wide"><em>&lt;x&gt;</em></td>');
  });
});

describe("chart, callout and facts", () => {
  it("inlines the SVG and escapes title and caption", () => {
    const out = chart({ svg: "<svg><path/></svg>", title: "T <1>", caption: "C & D" }).value;
    expect(out).toBe(
      '<figure class="chart"><div class="chart-title">T &lt;1&gt;</div><div class="chart-body" role="img" aria-label="T &lt;1&gt;. C &amp; D"><svg><path/></svg></div><figcaption>C &amp; D</figcaption></figure>',
    );
  });

  it("builds callouts with a tone and facts with details", () => {
    expect(callout({ title: "k = 4", body: "a < b", tone: "warning" }).value).toBe(
      '<aside class="callout warning" role="alert"><p class="callout-title">k = 4</p><div class="callout-body"><p>a &lt; b</p></div></aside>',
    );
    expect(facts([{ label: "Rows", value: "4,338", detail: "of <all>" }]).value).toBe(
      '<dl class="facts"><div class="fact"><dt>Rows</dt><dd>4,338<span class="fact-detail">of &lt;all&gt;</span></dd></div></dl>',
    );
  });
});

describe("renderDocument", () => {
  const page = renderDocument({
    title: "Report <1>",
    subtitle: "Sub & title",
    header: [{ label: "Command", value: markup`<code>${"segwork 'x<y>'"}</code>` }],
    sections: [
      { id: "a", title: "First <a>", html: markup`<p>one</p>` },
      { id: "b", title: "Second", html: markup`<p>two</p>` },
    ],
    footer: "Footer <f>",
  });

  it("is a complete document with a contents entry per section", () => {
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page).toContain("<title>Report &lt;1&gt;</title>");
    expect(page).toContain(
      '<li><a href="#a">First &lt;a&gt;</a></li><li><a href="#b">Second</a></li>',
    );
    expect(page).toContain(
      '<section class="report-section" id="a" aria-labelledby="a-title"><h2 id="a-title">First &lt;a&gt;</h2><p>one</p></section>',
    );
    expect(page).toContain("<code>segwork &#39;x&lt;y&gt;&#39;</code>");
    expect(page).toContain('<footer class="report-footer">Footer &lt;f&gt;</footer>');
  });

  it("forbids scripts and network requests and references nothing external", () => {
    expect(page).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`,
    );
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(\s*["']?https?:|src=/i);
  });

  it("rejects duplicate section ids", () => {
    expect(() =>
      renderDocument({
        title: "x",
        sections: [
          { id: "a", title: "A", html: markup`` },
          { id: "a", title: "B", html: markup`` },
        ],
      }),
    ).toThrow('duplicate report section id "a"');
  });
});
