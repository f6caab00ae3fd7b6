/**
 * `profiles.json`: one description per reported cluster — size, share, mean
 * and median of every feature in original units, centroid in scaled units
 * and as z-scores — in the order clusters are reported (0 = top).
 */
import { z } from "zod";
import type { Profiles } from "../evaluate/profile-types.js";
import { type JsonArtifactFormat, jsonArtifactIO, type JsonArtifactIO } from "./json.js";
import { count, header, numberOrNaN, positiveWhole, share } from "./schema.js";

/** The content of profiles.json. */
export type ProfilesArtifact = { format: "segwork-profiles"; formatVersion: 1 } & Profiles;

const perFeature = z.record(z.string(), numberOrNaN);

const v1 = z.looseObject({
  ...header("segwork-profiles", 1),
  k: positiveWhole,
  features: z.array(z.string()).min(1),
  orderedBy: z.string(),
  clusters: z.array(
    z.looseObject({
      cluster: count,
      label: z.string(),
      size: count,
      share,
      mean: perFeature,
      median: perFeature,
      centroidScaled: perFeature,
      zCentroid: perFeature,
    }),
  ),
});

/** The profiles.json format. */
export const PROFILES_FORMAT: JsonArtifactFormat<ProfilesArtifact> = {
  format: "segwork-profiles",
  version: 1,
  writtenBy: "segwork cluster",
  schemas: { 1: v1 },
};

/**
 * The profiles.json content of a clustering's profiles.
 *
 * @example
 * profilesArtifact(profiled.profiles).clusters[0].cluster // => 0
 */
export function profilesArtifact(profiles: Profiles): ProfilesArtifact {
  return { format: "segwork-profiles", formatVersion: 1, ...profiles };
}

/** profiles.json text and its validating readers (each failure one line naming the file and key). */
export const {
  write: writeProfiles,
  parse: parseProfiles,
  read: readProfilesFile,
}: JsonArtifactIO<ProfilesArtifact> = jsonArtifactIO(PROFILES_FORMAT);
