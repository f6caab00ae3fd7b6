import { createWriteStream, existsSync, renameSync } from "node:fs";
import { synthesizeClients, synthToCsv } from "../../shared/synth.js";
import { cliMessages as msg } from "../../shared/messages/index.js";
import { parseInteger, parseNumber } from "../options.js";

export interface SynthCliOptions {
  rows?: string;
  features?: string;
  clusters?: string;
  seed?: string;
  spread?: string;
  truth?: boolean;
  out?: string;
}

/** `segwork synth`: a seeded synthetic client table (CSV) on stdout or to --out. */
export async function synthCommand(options: SynthCliOptions): Promise<void> {
  const table = synthesizeClients({
    rows: parseInteger("--rows", options.rows, 1000, 1),
    features: parseInteger("--features", options.features, 3, 1),
    clusters: parseInteger("--clusters", options.clusters, 4, 1),
    seed: parseInteger("--seed", options.seed, 0, 0),
    spread: parseNumber("--spread", options.spread, 0.2),
  });
  const chunks = synthToCsv(table, Boolean(options.truth));
  if (!options.out) {
    for (const chunk of chunks) {
      if (!process.stdout.write(chunk))
        await new Promise<void>((r) => process.stdout.once("drain", () => r()));
    }
    return;
  }
  if (existsSync(options.out)) throw msg.outExists(options.out);
  const temporary = `${options.out}.tmp-${process.pid}`;
  const stream = createWriteStream(temporary);
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await new Promise<void>((r) => stream.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  renameSync(temporary, options.out);
}
