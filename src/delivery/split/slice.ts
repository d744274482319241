import type { ChangedFile } from "../../workspace/numstat.ts";

/** `pr.maxLines` and `pr.maxFiles` of `.github/agent.yml`. */
export type SplitLimits = { maxLines: number; maxFiles: number };

/** One pull request's worth of the change: whole files, in stack order. */
export type Slice = {
  files: ChangedFile[];
  /** Changed lines (added + deleted); a binary file counts 0. */
  lines: number;
  /** Over a limit because what it holds cannot be split (one big file, or files that import each other). */
  oversize: boolean;
};

/** Lines a file changes, as counted against `pr.maxLines`. */
export const changedLines = (file: ChangedFile): number => (file.added ?? 0) + (file.deleted ?? 0);
