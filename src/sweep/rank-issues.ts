import type { ListedIssue } from "./listed-issues.ts";

/** Oldest first; among issues opened at the same time, more 👍 first; then the lower number. */
export function rankIssues(issues: readonly ListedIssue[]): ListedIssue[] {
  return [...issues].sort(
    (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || b.thumbsUp - a.thumbsUp || a.number - b.number,
  );
}

/** Why a picked issue came up, in the ranking's own terms. */
export function whyPicked(issue: ListedIssue): string {
  const votes = issue.thumbsUp;
  return `opened ${issue.createdAt.slice(0, 10)}${votes > 0 ? `, ${votes} 👍` : ""}`;
}
