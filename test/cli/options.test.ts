import { describe, expect, it } from "vitest";
import { commandLine, parseClip, parseKRange, parseList } from "../../src/cli/parse.js";

describe("CLI option parsing", () => {
  it("parses k and k ranges", () => {
    expect(parseKRange("4")).toEqual({ min: 4, max: 4 });
    expect(parseKRange("2..10")).toEqual({ min: 2, max: 10 });
    // The values are the stage's to check (validateKRange), the text is the CLI's.
    expect(parseKRange("1")).toEqual({ min: 1, max: 1 });
    expect(parseKRange("5..3")).toEqual({ min: 5, max: 3 });
    expect(() => parseKRange("two")).toThrow(
      '--k must be a number or a range like 2..10 (got "two")',
    );
  });
  it("parses lists and clip bounds", () => {
    expect(parseList(" a, b ,,c ")).toEqual(["a", "b", "c"]);
    expect(parseClip("0.01,0.99")).toEqual([0.01, 0.99]);
    expect(() => parseClip("0.5")).toThrow('--clip must be a number (got "0.5")');
  });
  it("quotes the command line for the report", () => {
    expect(commandLine(["sweep", "--input", "my file.csv", "--k", "2..10"])).toBe(
      "segwork sweep --input 'my file.csv' --k 2..10",
    );
  });
});
