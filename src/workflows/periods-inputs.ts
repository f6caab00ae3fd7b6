/**
 * The files a periodic re-grading reads besides the log: the saved model,
 * RFM settings and scorecard (through the artifact readers), and the
 * optional overrides, targets and campaign files.
 */
import { isFrozenTiers, readFrozenTiersFile } from "../artifacts/frozen-tiers.js";
import { readModelFile } from "../artifacts/model.js";
import { readRfmScoringFile } from "../artifacts/rfm.js";
import { campaignRecords, parseTargetsConfig, type CampaignRecord } from "../compare/index.js";
import type { Targets } from "../compare/targets.js";
import {
  loadOverrides,
  type FrozenScorecard,
  type Overrides,
  type RfmFileSpec,
  type SegworkModel,
} from "../grade/index.js";
import { loadTable } from "../load/index.js";
import { parseScorecardConfig, readConfigFile } from "../rules/index.js";
import type { Scorecard } from "../rules/types.js";
import { readScorecard } from "./tiers.js";

/** What {@link periodsWorkflow} grades with and checks against; every part optional. */
export interface PeriodsInputs {
  model?: { model: SegworkModel; file: string };
  rfm?: RfmFileSpec;
  /**
   * The scorecard; it is frozen on the first period (its percentiles and
   * share thresholds) unless it comes `frozen` already (a tiers-frozen.json).
   */
  tiers?: {
    card: Scorecard;
    file: string;
    frozen?: { scorecard: FrozenScorecard; asOf: string | null };
  };
  overrides?: Overrides;
  targets?: Targets;
  campaign?: { file: string; records: CampaignRecord[] };
}

/** A scorecard config, or a scorecard frozen by an earlier run (tiers-frozen.json). */
function readTiers(file: string): NonNullable<PeriodsInputs["tiers"]> {
  if (!isFrozenTiers(readConfigFile(file))) return readScorecard(file);
  const saved = readFrozenTiersFile(file);
  return {
    card: parseScorecardConfig(saved.scorecard, file),
    file,
    frozen: { scorecard: saved.frozen, asOf: saved.asOf },
  };
}

/** Files of {@link readPeriodsInputs}; each optional. */
export interface PeriodsInputFiles {
  model?: string;
  rfm?: string;
  tiers?: string;
  overrides?: string;
  targets?: string;
  campaign?: string;
  /** Id column of the overrides and campaign files. Default "client_id". */
  idColumn?: string;
}

/**
 * Reads the named files with the artifact and config readers. `tiers` is
 * a scorecard config, or a tiers-frozen.json written by `segwork periods`.
 *
 * @throws SegworkError naming the file (and key or line) of a bad artifact,
 *   config, overrides or campaign file.
 * @example
 * const inputs = await readPeriodsInputs({ model: "runs/k4/model.json", rfm: "runs/rfm/rfm.json", tiers: "data/rules/tiers.json" });
 * inputs.model?.model.k; // => 4
 */
export async function readPeriodsInputs(files: PeriodsInputFiles): Promise<PeriodsInputs> {
  const idColumn = files.idColumn ?? "client_id";
  const inputs: PeriodsInputs = {};
  if (files.model !== undefined)
    inputs.model = { model: readModelFile(files.model), file: files.model };
  if (files.rfm !== undefined) inputs.rfm = readRfmScoringFile(files.rfm);
  if (files.tiers !== undefined) inputs.tiers = readTiers(files.tiers);
  if (files.overrides !== undefined)
    inputs.overrides = await loadOverrides(files.overrides, idColumn);
  if (files.targets !== undefined)
    inputs.targets = parseTargetsConfig(readConfigFile(files.targets), files.targets);
  if (files.campaign !== undefined) {
    const table = await loadTable(files.campaign, {
      id: idColumn,
      numeric: [],
      text: ["campaign", "date"],
    });
    inputs.campaign = { file: files.campaign, records: campaignRecords(table) };
  }
  return inputs;
}
