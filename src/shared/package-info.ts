import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The package's root folder (holds package.json and data/), from src/ or dist/. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error("segwork: cannot find package.json above " + import.meta.url);
    dir = parent;
  }
  return dir;
}

/** segwork's version from package.json. */
export function packageVersion(): string {
  const json = JSON.parse(readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as {
    version: string;
  };
  return json.version;
}

/** Report timestamp: SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
export function reportTimestamp(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch)
    ? new Date(Number(epoch) * 1000).toISOString()
    : new Date().toISOString();
}
