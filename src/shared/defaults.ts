/**
 * Fills the unset options of `partial` from `defaults` (as ml-kmeans merges
 * user options into `Required<Defaults>`). An option explicitly set to
 * `undefined` counts as unset, so a face may pass every option it parsed.
 *
 * @example
 * withDefaults({ restarts: 10, seed: 0 }, { seed: 7, restarts: undefined }) // => { restarts: 10, seed: 7 }
 */
export function withDefaults<T extends object>(defaults: T, partial: Partial<T> = {}): T {
  const out = { ...defaults };
  for (const key of Object.keys(partial) as (keyof T)[]) {
    const value = partial[key];
    if (value !== undefined) out[key] = value as T[keyof T];
  }
  return out;
}
