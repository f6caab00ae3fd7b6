import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: forks keep worker_threads tests and the browser test isolated.
    pool: "forks",
    reporters: process.env.CI ? ["default"] : ["default"],
  },
});
