/**
 * `profiles.json`: one description per reported cluster — size, share, mean
 * and median of every feature in original units, centroid in scaled units
 * and as z-scores — in the order clusters are reported (0 = top). From
 * version 2, when bootstrap stability ran, each cluster also carries its mean
 * Jaccard over the resamples (fpc::clusterboot's `bootmean`) with Hennig's
 * reading, and the file says how many resamples of how many rows; version 1
 * files are still read.
 */
import { z } from "zod";
import type { Profiles } from "../evaluate/profile-types.js";
import type { ClusterStabilityVerdict } from "../evaluate/stability.js";
import { type JsonArtifactFormat, jsonArtifactIO, type JsonArtifactIO } from "./json.js";
import { count, header, numberOrNaN, positiveWhole, share } from "./schema.js";

/** One reported cluster's bootstrap stability. */
export interface ProfileStability {
  /** Mean Jaccard similarity of the cluster to its best match in each resample (0..1). */
  jaccard: number;
  verdict: ClusterStabilityVerdict;
}

/** The stability of every reported cluster, numbered as the profiles are. */
export interface ProfilesStabilityInput {
  resamples: number;
  /** Rows the resamples were drawn from (the sample size when sampled). */
  rows: number;
  sampled: boolean;
  clusters: readonly ({ cluster: number } & ProfileStability)[];
}

type StabilityHeader = Omit<ProfilesStabilityInput, "clusters">;

/** The content of profiles.json. */
export type ProfilesArtifact = { format: "segwork-profiles"; formatVersion: 2 } & Omit<
  Profiles,
  "clusters"
> & {
    /** How the clusters' stability was measured; absent when it was not. */
    stability?: StabilityHeader;
    clusters: (Profiles["clusters"][number] & { stability?: ProfileStability })[];
  };

const perFeature = z.record(z.string(), numberOrNaN);

const clusterV1 = {
  cluster: count,
  label: z.string(),
  size: count,
  share,
  mean: perFeature,
  median: perFeature,
  centroidScaled: perFeature,
  zCentroid: perFeature,
};

const body = {
  k: positiveWhole,
  features: z.array(z.string()).min(1),
  orderedBy: z.string(),
};

const v1 = z.looseObject({
  ...header("segwork-profiles", 1),
  ...body,
  clusters: z.array(z.looseObject(clusterV1)),
});

const verdict = z.enum([
  "dissolved",
  "not-trustworthy",
  "doubtful-members",
  "stable",
  "highly-stable",
]);

const v2 = z.looseObject({
  ...header("segwork-profiles", 2),
  ...body,
  stability: z
    .looseObject({ resamples: positiveWhole, rows: positiveWhole, sampled: z.boolean() })
    .optional(),
  clusters: z.array(
    z.looseObject({
      ...clusterV1,
      stability: z.looseObject({ jaccard: share, verdict }).optional(),
    }),
  ),
});

/** The profiles.json format. */
export const PROFILES_FORMAT: JsonArtifactFormat<ProfilesArtifact> = {
  format: "segwork-profiles",
  version: 2,
  writtenBy: "segwork cluster",
  schemas: { 1: v1, 2: v2 },
  // Version 1 differs only by having no stability.
  upgrade: (value) => ({ ...(value as object), formatVersion: 2 }) as ProfilesArtifact,
};

/**
 * The profiles.json content of a clustering's profiles, with each cluster's
 * bootstrap stability when it was measured.
 *
 * @example
 * profilesArtifact(profiled.profiles).clusters[0].cluster // => 0
 * profilesArtifact(profiled.profiles, stability).clusters[0].stability // => e.g. { jaccard: 0.97, verdict: "highly-stable" }
 */
export function profilesArtifact(
  profiles: Profiles,
  stability?: ProfilesStabilityInput,
): ProfilesArtifact {
  const byCluster = new Map(stability?.clusters.map((c) => [c.cluster, c]));
  const clusters = profiles.clusters.map((profile) => {
    const measured = byCluster.get(profile.cluster);
    return measured
      ? { ...profile, stability: { jaccard: measured.jaccard, verdict: measured.verdict } }
      : profile;
  });
  const measuredWith = stability
    ? {
        stability: {
          resamples: stability.resamples,
          rows: stability.rows,
          sampled: stability.sampled,
        },
      }
    : {};
  return {
    format: "segwork-profiles",
    formatVersion: 2,
    ...profiles,
    ...measuredWith,
    clusters,
  };
}

/** profiles.json text and its validating readers (each failure one line naming the file and key). */
export const {
  write: writeProfiles,
  parse: parseProfiles,
  read: readProfilesFile,
}: JsonArtifactIO<ProfilesArtifact> = jsonArtifactIO(PROFILES_FORMAT);
