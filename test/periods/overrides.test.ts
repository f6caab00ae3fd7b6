/** Manual overrides: applied, expired, and every refusal naming its line. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  applyOverrides,
  checkOverrides,
  loadOverrides,
  overridesFromTable,
  type Overrides,
} from "../../src/grade/index.js";
import { parseTable } from "../../src/load/index.js";
import * as msg from "../../src/shared/messages/periods.js";

const TIERS = ["Diamond", "Gold", "Silver", "Bronze"];
const SEGMENTS = ["Champions", "At Risk", "Lost"];
const scratch = mkdtempSync(path.join(tmpdir(), "segwork-overrides-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function overridesOf(csv: string): Promise<Overrides> {
  const bytes = new TextEncoder().encode(csv);
  const headers = csv.split("\n")[0]!.split(",");
  const table = await parseTable(bytes, "overrides.csv", "csv", {
    id: "client_id",
    numeric: [],
    text: headers.filter((h) => h !== "client_id"),
  });
  return overridesFromTable(table);
}

const FILE = [
  "client_id,tier,segment,reason,who,until",
  "0042,Diamond,,key account under renegotiation,li.wei,2011-12-31", // line 2
  "17850,,Champions,complaint settled: keep status,a.smith,2011-06-30", // line 3
  "12347,Gold,At Risk,moved abroad,a.smith,2011-03-31", // line 4: expires before Q2 ends
  "99999,Bronze,,not a client yet in Q1,li.wei,2011-12-31", // line 5
].join("\n");

describe("overrides", () => {
  it("reads one override per field set, with its line", async () => {
    const o = await overridesOf(FILE);
    expect(o.overrides.map((x) => [x.line, x.clientId, x.field, x.value, x.until])).toEqual([
      [2, "0042", "tier", "Diamond", "2011-12-31"],
      [3, "17850", "segment", "Champions", "2011-06-30"],
      [4, "12347", "tier", "Gold", "2011-03-31"],
      [4, "12347", "segment", "At Risk", "2011-03-31"],
      [5, "99999", "tier", "Bronze", "2011-12-31"],
    ]);
  });

  it("applies those in force, reports the expired and the clients not in the period", async () => {
    const o = await overridesOf(FILE);
    checkOverrides(o, {
      clientIds: ["0042", "17850", "12347", "99999", "1"],
      tiers: TIERS,
      segments: SEGMENTS,
    });
    const graded = {
      asOf: "2011-06-30",
      ids: ["0042", "12347", "17850", "1"],
      tier: ["Silver", "Bronze", "Gold", "Gold"],
      segment: ["Lost", "Lost", "At Risk", "Lost"],
    };
    const r = applyOverrides(o, graded);
    expect(r.tier).toEqual(["Diamond", "Bronze", "Gold", "Gold"]);
    // until is inclusive: 17850's override still holds on 2011-06-30.
    expect(r.segment).toEqual(["Lost", "Lost", "Champions", "Lost"]);
    expect(Array.from(r.overridden.tier!)).toEqual([1, 0, 0, 0]);
    expect(Array.from(r.overridden.segment!)).toEqual([0, 0, 1, 0]);
    expect(r.applied.map((a) => [a.line, a.field, a.graded, a.value])).toEqual([
      [2, "tier", "Silver", "Diamond"],
      [3, "segment", "At Risk", "Champions"],
    ]);
    expect(r.expired.map((x) => [x.line, x.field])).toEqual([
      [4, "tier"],
      [4, "segment"],
    ]);
    expect(r.notInPeriod.map((x) => x.line)).toEqual([5]);
    // The graded input is left as it was.
    expect(graded.tier).toEqual(["Silver", "Bronze", "Gold", "Gold"]);
    // A day later, 17850's override has expired too.
    expect(applyOverrides(o, { ...graded, asOf: "2011-07-01" }).segment![2]).toBe("At Risk");
  });

  it("refuses an unknown client id, naming the line", async () => {
    const o = await overridesOf(FILE);
    expect(() =>
      checkOverrides(o, {
        clientIds: ["0042", "17850", "12347"],
        tiers: TIERS,
        segments: SEGMENTS,
      }),
    ).toThrow(msg.overrideUnknownClient("overrides.csv", 5, "99999").message);
    // "42" is not "0042": ids are text.
    expect(() =>
      checkOverrides(o, {
        clientIds: ["42", "17850", "12347", "99999"],
        tiers: TIERS,
        segments: SEGMENTS,
      }),
    ).toThrow(msg.overrideUnknownClient("overrides.csv", 2, "0042").message);
  });

  it("refuses an unknown tier or segment, naming the line", async () => {
    const tier = await overridesOf(
      "client_id,tier,reason,who,until\n1,Platinum,vip,li.wei,2011-12-31",
    );
    expect(() => checkOverrides(tier, { clientIds: ["1"], tiers: TIERS })).toThrow(
      msg.overrideUnknownValue("overrides.csv", 2, "tier", "Platinum", TIERS).message,
    );
    const segment = await overridesOf(
      "client_id,segment,reason,who,until\n1,Champs,vip,li.wei,2011-12-31",
    );
    expect(() => checkOverrides(segment, { clientIds: ["1"], segments: SEGMENTS })).toThrow(
      msg.overrideUnknownValue("overrides.csv", 2, "segment", "Champs", SEGMENTS).message,
    );
    expect(() => checkOverrides(segment, { clientIds: ["1"], tiers: TIERS })).toThrow(
      msg.overrideNoScheme("overrides.csv", 2, "segment").message,
    );
  });

  it("refuses an override without a reason, and other empty or bad cells, naming the line", async () => {
    const head = "client_id,tier,reason,who,until\n1,Gold,vip,li.wei,2011-12-31\n";
    await expect(overridesOf(`${head}2,Gold,,li.wei,2011-12-31`)).rejects.toThrow(
      msg.badCell(
        "overrides.csv",
        3,
        "reason",
        "",
        "the reason for the override (an override without one is refused)",
      ).message,
    );
    await expect(overridesOf(`${head}2,Gold,vip, ,2011-12-31`)).rejects.toThrow(
      msg.badCell("overrides.csv", 3, "who", "", "who decided it").message,
    );
    await expect(overridesOf(`${head}2,Gold,vip,li.wei,31/12/2011`)).rejects.toThrow(
      msg.badCell("overrides.csv", 3, "until", "31/12/2011", "the last day it applies, YYYY-MM-DD")
        .message,
    );
    await expect(overridesOf(`${head}2,,vip,li.wei,2011-12-31`)).rejects.toThrow(
      msg.overrideNothing("overrides.csv", 3, ["tier"]).message,
    );
    await expect(overridesOf("client_id,tier,who,until\n1,Gold,li.wei,2011-12-31")).rejects.toThrow(
      msg.overrideColumn("overrides.csv", "reason", ["client_id", "tier", "who", "until"]).message,
    );
    await expect(
      overridesOf("client_id,reason,who,until\n1,vip,li.wei,2011-12-31"),
    ).rejects.toThrow(
      msg.overrideColumn("overrides.csv", "tier or segment", [
        "client_id",
        "reason",
        "who",
        "until",
      ]).message,
    );
  });

  it("refuses two overrides in force for the same client and field", async () => {
    const o = await overridesOf(
      "client_id,tier,reason,who,until\n1,Gold,a,x,2011-12-31\n1,Silver,b,y,2011-06-30\n",
    );
    expect(() => applyOverrides(o, { asOf: "2011-03-31", ids: ["1"], tier: ["Bronze"] })).toThrow(
      msg.overrideConflict("overrides.csv", 2, 3, "1", "tier").message,
    );
    // Once the second has expired, the first alone is in force.
    expect(applyOverrides(o, { asOf: "2011-09-30", ids: ["1"], tier: ["Bronze"] }).tier).toEqual([
      "Gold",
    ]);
  });

  it("loads a file with the columns it has, in any order", async () => {
    const file = path.join(scratch, "overrides.csv");
    writeFileSync(
      file,
      "until,who,client_id,segment,reason,note\n2011-12-31,li.wei,007,Lost,closed the account,x\n",
    );
    const o = await loadOverrides(file);
    expect(o.overrides).toEqual([
      {
        clientId: "007",
        field: "segment",
        value: "Lost",
        reason: "closed the account",
        who: "li.wei",
        until: "2011-12-31",
        line: 2,
      },
    ]);
  });
});
