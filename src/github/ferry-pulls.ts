import type { RepoName } from "./client.ts";

/*
 * How Ferry's pull requests are recognised on GitHub, for delivery (which makes them) and the
 * sweep (which counts them): their label, their branch names, their repository.
 */

/** Every pull request of a stack carries this label, so a maintainer can filter for Ferry's work. */
export const FERRY_LABEL = "ferry";

/** The branch of part `index` (1-based) of an issue's stack. */
export const partBranch = (issueNumber: number, index: number): string => `agent/issue-${issueNumber}/part-${index}`;

/** The issue and 1-based part index of a stack branch, `agent/issue-<N>/part-<k>`; undefined for any other ref. */
export function parsePartBranch(ref: string): { issueNumber: number; index: number } | undefined {
  const match = /^agent\/issue-([1-9]\d*)\/part-([1-9]\d*)$/.exec(ref);
  if (!match) return undefined;
  return { issueNumber: Number(match[1]), index: Number(match[2]) };
}

/** Whether a pull request's head repository (`owner/name`, undefined when its fork is gone) is `where` itself, not a fork that reuses the branch name. */
export const isHeadIn = (headRepoFullName: string | undefined, where: RepoName): boolean => headRepoFullName?.toLowerCase() === `${where.owner}/${where.repo}`.toLowerCase();
