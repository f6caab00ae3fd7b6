#!/usr/bin/env node
/** segwork's entry point: `segwork <command> …` (see `program.ts`). */
import { runCli } from "./program.js";

process.exitCode = await runCli(process.argv.slice(2));
