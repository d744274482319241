import type { ListedIssue } from "./listed-issues.ts";

const plusOnes = (issue: ListedIssue): number => issue.reactions?.["+1"] ?? 0;

/** Oldest first; among issues opened at the same time, more 👍 first; then the lower number. */
export function rankIssues(issues: readonly ListedIssue[]): ListedIssue[] {
  return [...issues].sort(
    (a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || plusOnes(b) - plusOnes(a) || a.number - b.number,
  );
}

/** Why a picked issue came up, in the ranking's own terms. */
export function whyPicked(issue: ListedIssue): string {
  const votes = plusOnes(issue);
  return `opened ${issue.created_at.slice(0, 10)}${votes > 0 ? `, ${votes} 👍` : ""}`;
}
