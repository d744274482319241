/** The issue and 1-based part index of a stack branch, `agent/issue-<N>/part-<k>`; undefined for any other ref. */
export function parsePartBranch(ref: string): { issueNumber: number; index: number } | undefined {
  const match = /^agent\/issue-([1-9]\d*)\/part-([1-9]\d*)$/.exec(ref);
  if (!match) return undefined;
  return { issueNumber: Number(match[1]), index: Number(match[2]) };
}

/** The start of every Ferry marker, whatever its task: a rerun is a new task but owns the same pull requests. */
const FERRY_MARKER_START = "<!-- ferry:task=";

export const carriesFerryMarker = (body: string | null | undefined): boolean => body?.includes(FERRY_MARKER_START) ?? false;
