/** Messages of the load stage. */
import { SegworkError } from "../errors.js";

export const _stage = "load";
void SegworkError;
