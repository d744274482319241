import type { ChangedFile } from "../../workspace/numstat.ts";
import type { FileRelations } from "./file-relations.ts";
import { packSlices } from "./pack-slices.ts";
import type { Slice, SplitLimits } from "./slice.ts";
import { sliceUnits } from "./slice-units.ts";
import { orderUnits } from "./unit-order.ts";

/**
 * Splits a change into an ordered stack of slices within the limits: pure, and the same for the same files in
 * any order. Relations naming paths outside `files` are ignored.
 */
export function planSlices(files: readonly ChangedFile[], relations: FileRelations, limits: SplitLimits): Slice[] {
  const units = sliceUnits(files, relations);
  return packSlices(units, orderUnits(units), limits);
}
