import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: forks keep worker_threads tests and the browser test isolated.
    pool: "forks",
    // vitest's default (cores − 1) gives one worker here; many suites wait on
    // other processes (the Deno kernel, Chromium, DuckDB, PostgreSQL), so two
    // workers on two cores finish far sooner.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: process.env.CI ? ["default"] : ["default"],
  },
});
