/**
 * Checks a vega-lite spec against vega-lite's own JSON schema (draft-07), as
 * vega-lite validates its examples, and that it compiles without a warning.
 * ajv 6 does not know the schema's custom "color-hex" format, which only
 * constrains colour strings, so that one is ignored.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv from "ajv";
import { expect } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { compileChart } from "../../src/report/render.js";

const require = createRequire(import.meta.url);
const schema = JSON.parse(
  readFileSync(require.resolve("vega-lite/build/vega-lite-schema.json"), "utf8"),
) as object;
const validate = new Ajv({ allErrors: true, unknownFormats: ["color-hex"] }).compile(schema);

export function expectValidSpec(spec: TopLevelSpec): void {
  const valid = validate(spec);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
  expect(valid).toBe(true);
  expect(compileChart(spec).warnings).toEqual([]);
}
