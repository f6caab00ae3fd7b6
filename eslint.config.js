import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * The three floors (faces → workflows → stages): imports only go down.
 * Each entry forbids, for the files under `folders`, relative imports that
 * climb into one of `forbidden`.
 */
const STAGES = [
  "load",
  "features",
  "prepare",
  "cluster",
  "evaluate",
  "rules",
  "compare",
  "grade",
  "clv",
  "shared",
];
const LAYERS = [
  {
    folders: STAGES,
    forbidden: ["cli", "report", "workflows", "artifacts"],
    why: "a stage imports no face, workflow, report or artifact module",
  },
  {
    folders: ["artifacts"],
    forbidden: ["cli", "report", "workflows"],
    why: "an artifact module imports no face, workflow or report",
  },
  {
    folders: ["report"],
    forbidden: ["cli", "workflows"],
    why: "the report imports no face or workflow",
  },
  { folders: ["workflows"], forbidden: ["cli"], why: "a workflow imports no face" },
];

export const layering = LAYERS.map(({ folders, forbidden, why }) => ({
  files: folders.map((folder) => `src/${folder}/**/*.ts`),
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            regex: `^(\\.\\./)+(${forbidden.join("|")})(/|$)`,
            message: `Layering: ${why} (see README, "Layout").`,
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "node_modules/",
      "reports/",
      "coverage/",
      "runs/",
      "notebooks/out/",
      "bench/out/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-constant-condition": ["error", { checkLoops: false }],
    },
  },
  ...layering,
);
