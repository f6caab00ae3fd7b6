/**
 * Single-client re-grade with reasons: one client's values graded with the
 * saved model, RFM settings and a scorecard (frozen on a reference client
 * table, since its percentiles and ranges come from a population — or
 * frozen already: a tiers-frozen.json written by `segwork periods`).
 */
import {
  explainClient,
  freezeScorecard,
  type ClientExplanation,
  type ClientValues,
  type FrozenArtifacts,
} from "../grade/index.js";
import type { Table } from "../load/types.js";
import type { PeriodsInputs } from "./periods-inputs.js";

/** What {@link explainClientWorkflow} grades with. */
export interface ExplainInputs extends Pick<PeriodsInputs, "model" | "rfm" | "tiers"> {
  /** The client table the scorecard is frozen on (needed with `tiers`, unless they come frozen). */
  reference?: Table;
}

/**
 * Explains one client's cluster, RFM segment and tier.
 *
 * @throws SegworkError `periods.missing-columns` for a value an artifact needs; `grade.tiers-reference` for a scorecard config without a reference.
 * @example
 * const e = explainClientWorkflow(await readPeriodsInputs({ model: "model.json", rfm: "rfm.json" }), parseClientJson(text, "--client"));
 * e.cluster?.distances[0]; // => { cluster: 2, label: "…", distance: 0.41 }
 */
export function explainClientWorkflow(
  inputs: ExplainInputs,
  client: ClientValues,
  onMissingReference: () => Error,
): ClientExplanation {
  const artifacts: FrozenArtifacts = {
    ...(inputs.model ? { model: inputs.model } : {}),
    ...(inputs.rfm ? { rfm: inputs.rfm } : {}),
  };
  if (inputs.tiers?.frozen) {
    artifacts.tiers = { scorecard: inputs.tiers.frozen.scorecard, file: inputs.tiers.file };
  } else if (inputs.tiers) {
    const reference = inputs.reference;
    if (!reference) throw onMissingReference();
    artifacts.tiers = {
      scorecard: freezeScorecard(
        inputs.tiers.card,
        reference.columns,
        reference.ids,
        reference.source,
      ),
      file: inputs.tiers.file,
    };
  }
  return explainClient(artifacts, client);
}
