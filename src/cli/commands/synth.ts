/** `segwork synth`: a seeded synthetic client table (CSV) on stdout or to --out. */
import { createWriteStream, existsSync, renameSync } from "node:fs";
import { synthesizeClients, synthToCsv } from "../../shared/synth.js";
import { cliMessages as msg } from "../../shared/messages/index.js";

export async function run(options: {
  rows: number;
  features: number;
  clusters: number;
  seed: number;
  spread: number;
  truth?: boolean;
  out?: string;
}): Promise<void> {
  const table = synthesizeClients(options);
  const chunks = synthToCsv(table, Boolean(options.truth));
  if (!options.out) {
    for (const chunk of chunks) {
      if (!process.stdout.write(chunk))
        await new Promise<void>((r) => process.stdout.once("drain", () => r()));
    }
    return;
  }
  // Streamed (a 5M-row table is 700 MB of text) to a temporary name, then renamed.
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
