import type { ChangedFile } from "../../workspace/numstat.ts";
import type { FileReader } from "./file-relations.ts";
import { planSlices } from "./plan-slices.ts";
import { readRelations } from "./read-relations.ts";
import type { Slice, SplitLimits } from "./slice.ts";

/** Reads how the changed files relate, then plans the stack of slices. */
export async function splitIntoSlices(files: readonly ChangedFile[], read: FileReader, limits: SplitLimits): Promise<Slice[]> {
  return planSlices(files, await readRelations(files, read), limits);
}
