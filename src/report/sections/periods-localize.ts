/**
 * A periods run as a page in another language shows it: the period labels
 * written for that reader (2011年第1季度) and the states that are no segment
 * (new, inactive, not in period, unscored, the "all" row) named in words. Done once,
 * at the door of the documents, so every section, table and chart names a
 * period alike; the links (`report`) and the artifacts keep the run's labels.
 */
import { GONE, INACTIVE, NEW } from "../../compare/migration.js";
import { UNSCORED } from "../../grade/frozen.js";
import { localClusterLabel } from "../i18n/cluster-labels.js";
import type { Locale } from "../i18n/locale.js";
import type { MessageKey } from "../i18n/en.js";
import { periodLabel } from "./periods-labels.js";
import type { PeriodsReportInput, PeriodsScheme } from "./periods-data.js";

/** Display words of the states every scheme has beside its labels. */
const STATE_KEYS: Readonly<Record<string, MessageKey>> = {
  [NEW]: "periods.state.new",
  [INACTIVE]: "periods.state.inactive",
  [GONE]: "periods.state.gone",
  [UNSCORED]: "periods.state.unscored",
  // The KPI total's segment name (compare/kpis.ts).
  all: "periods.state.all",
};

/** `names` with the state words added where the scheme has no label of that name. */
function withStates(names: Record<string, string>, locale: Locale): Record<string, string> {
  const states = Object.fromEntries(
    Object.entries(STATE_KEYS).map(([state, key]) => [state, locale.t(key)]),
  );
  return { ...states, ...names };
}

/**
 * Cluster display names ("0: Very frequent · High spend", from the model's
 * English labels) with the label read into the locale's words; a label the
 * reader cannot read stays as it is.
 */
function clusterNamesIn(names: Record<string, string>, locale: Locale): Record<string, string> {
  return Object.fromEntries(
    Object.entries(names).map(([cluster, name]) => {
      const prefix = `${cluster}: `;
      return [
        cluster,
        name.startsWith(prefix)
          ? `${prefix}${localClusterLabel(name.slice(prefix.length), locale)}`
          : localClusterLabel(name, locale),
      ];
    }),
  );
}

/**
 * The run relabelled for `locale`'s reader; English returns the run itself,
 * so English pages keep their bytes.
 *
 * @example
 * localizedRun(run, localeFor("zh-CN")).periods[0].label; // => "2011年第1季度"
 * localizedRun(run, localeFor("en")) === run; // => true
 */
export function localizedRun(run: PeriodsReportInput, locale: Locale): PeriodsReportInput {
  if (locale.lang === "en") return run;
  const label = (period: string): string => periodLabel(period, locale.lang);
  const schemes = ["cluster", "segment", "tier"] as const;
  const each = <T>(
    bySchemes: Record<PeriodsScheme, T[] | null>,
    relabel: (value: T) => T,
  ): Record<PeriodsScheme, T[] | null> => {
    const out = { ...bySchemes };
    for (const s of schemes) out[s] = bySchemes[s]?.map(relabel) ?? null;
    return out;
  };
  return {
    ...run,
    periods: run.periods.map((p) => ({ ...p, label: label(p.label) })),
    names: {
      cluster: withStates(clusterNamesIn(run.names.cluster, locale), locale),
      segment: withStates(run.names.segment, locale),
      tier: withStates(run.names.tier, locale),
    },
    migration: each(run.migration, (m) => ({ ...m, from: label(m.from), to: label(m.to) })),
    kpis: each(run.kpis, (k) => ({ ...k, period: label(k.period) })),
    targets: run.targets.map((t) => ({ ...t, period: label(t.period) })),
  };
}
