import type { ChangedFile } from "../../workspace/numstat.ts";
import type { Slice, SplitLimits } from "./slice.ts";
import type { SliceUnit } from "./slice-units.ts";

type Load = { files: number; lines: number };

const fits = (load: Load, limits: SplitLimits): boolean => load.files <= limits.maxFiles && load.lines <= limits.maxLines;
const sum = (units: readonly SliceUnit[]): Load => ({
  files: units.reduce((total, unit) => total + unit.files.length, 0),
  lines: units.reduce((total, unit) => total + unit.lines, 0),
});

/**
 * Fills slices greedily along the order, so every dependency stays in the same or an earlier slice. A run
 * (code and its tests) that does not fit the open slice starts a fresh one when it fits there whole;
 * a unit over a limit on its own becomes its own oversize slice.
 */
export function packSlices(units: readonly SliceUnit[], runs: readonly number[][], limits: SplitLimits): Slice[] {
  const slices: Slice[] = [];
  let open: SliceUnit[] = [];
  const close = (): void => {
    if (open.length > 0) slices.push(toSlice(open, false));
    open = [];
  };
  const add = (more: SliceUnit[]): void => {
    if (!fits(sum([...open, ...more]), limits)) close();
    open.push(...more);
  };

  for (const run of runs) {
    const members = run.map((unit) => units[unit]!);
    if (fits(sum(members), limits)) {
      add(members);
      continue;
    }
    for (const unit of members) {
      if (fits(sum([unit]), limits)) add([unit]);
      else {
        close();
        slices.push(toSlice([unit], true));
      }
    }
  }
  close();
  return slices;
}

function toSlice(units: readonly SliceUnit[], oversize: boolean): Slice {
  const files: ChangedFile[] = units.flatMap((unit) => unit.files);
  return { files, lines: sum(units).lines, oversize };
}
