/** Messages of the cluster stage. */
import { SegworkError } from "../errors.js";

export const _stage = "cluster";
void SegworkError;
