/**
 * One k of the sweep's per-k views: the silhouette knife plot beside the PCA
 * map, as one side-by-side chart (scikit-learn's "silhouette analysis"
 * example), built from the two charts' own spec builders.
 */
import type { TopLevelSpec } from "vega-lite";
import { BASE_CONFIG, VEGA_LITE_SCHEMA } from "./theme.js";

/** The concatenable part of a single-view spec: everything but `$schema` and `config`. */
type ViewPart = Omit<TopLevelSpec, "$schema" | "config">;

function viewPart(spec: TopLevelSpec): ViewPart {
  const { $schema: _schema, config: _config, ...part } = spec;
  return part;
}

/**
 * The two charts side by side in one spec (the config of the first; the
 * builders here share `BASE_CONFIG`).
 *
 * @example
 * sideBySideSpec(silhouetteKnifeSpec(data, { width: 280 }), pcaScatterSpec(pca, { width: 280 })).hconcat.length; // => 2
 */
export function sideBySideSpec(left: TopLevelSpec, right: TopLevelSpec): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    hconcat: [viewPart(left), viewPart(right)],
    spacing: 28,
    config: left.config ?? BASE_CONFIG,
    // vega-lite's types cannot narrow a top-level spec minus its top-level keys
    // to a concatenable view; both parts come from this project's unit/layer builders.
  } as TopLevelSpec;
}
