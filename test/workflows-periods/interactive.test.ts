/**
 * `segwork periods --interactive` on the shipped log (two quarters): every
 * page — each period's and the index — gets the interactive layer, with
 * tips in every chart; without the flag no page has a script.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliInProcess } from "../helpers/cli.js";
import { LOG, saveArtifacts, TIERS, type SavedArtifacts } from "./fixtures.js";

let saved: SavedArtifacts;

const args = (out: string): string[] => [
  "periods",
  ...["--transactions", LOG.transactions, "--id", "CustomerID", "--date", "InvoiceDate"],
  ...["--amount", "Quantity*UnitPrice", "--invoice", "InvoiceNo"],
  ...["--allow-dropped", "missing_client_id", "--every", "quarter"],
  ...["--from", "2011-07-01", "--to", "2011-12-31"],
  ...["--model", saved.model, "--rfm", saved.rfm, "--tiers", TIERS, "--quiet"],
  ...["--out", path.join(saved.dir, out)],
];

const pages = (out: string): string[] =>
  readdirSync(path.join(saved.dir, out))
    .filter((name) => name.endsWith(".html"))
    .map((name) => readFileSync(path.join(saved.dir, out, name), "utf8"));

beforeAll(async () => {
  saved = await saveArtifacts();
  for (const [out, extra] of [
    ["static", []],
    ["live", ["--interactive"]],
  ] as const) {
    const result = await runCliInProcess([...args(out), ...extra]);
    expect(result.status, result.stderr).toBe(0);
  }
}, 180_000);

afterAll(() => rmSync(saved.dir, { recursive: true, force: true }));

describe("segwork periods --interactive", () => {
  it("adds the layer to every page, tips to every chart", () => {
    const live = pages("live");
    expect(live.length).toBe(3); // two quarters and the index
    let charts = 0;
    for (const page of live) {
      expect(page.match(/<script>/g)).toHaveLength(1);
      // the first period has no migration yet, so its page may have no chart
      const svgs = page.match(/<svg\b[\s\S]*?<\/svg>/g) ?? [];
      for (const svg of svgs) expect(svg).toContain('<metadata class="segwork-tips">');
      charts += svgs.length;
    }
    expect(charts).toBeGreaterThan(2);
  });

  it("leaves the pages static without the flag", () => {
    const plain = pages("static");
    expect(plain.length).toBe(3);
    for (const page of plain) expect(page).not.toContain("<script");
  });
});
