/**
 * danfojs-node is an optional peer dependency loaded on demand: with it
 * (a devDependency here) `toDataFrame` works and keeps ids as strings;
 * without it, one clear SegworkError says how to install it.
 */
import { describe, expect, it } from "vitest";
import { loadDanfo, toDataFrame } from "../../src/load/dataframe.js";
import { SegworkError } from "../../src/shared/errors.js";
import * as loadMessages from "../../src/shared/messages/load.js";
import { parseText } from "./helpers.js";

describe("danfojs-node on demand", () => {
  it("hands a loaded table to danfojs-node, ids as text", async () => {
    const table = await parseText("id,x\n007,1.5\n010,2\n", { id: "id" });
    const df = await toDataFrame(table);
    expect(df.shape).toEqual([2, 2]);
    expect(df.column("id").values).toEqual(["007", "010"]);
    expect(df.column("x").values).toEqual([1.5, 2]);
  }, 60_000);

  it("says how to install it when it is absent", async () => {
    const error = await loadDanfo("danfojs-node-not-installed").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SegworkError);
    expect((error as SegworkError).message).toBe(
      loadMessages.danfojsMissing("danfojs-node-not-installed").message,
    );
  });
});
