import type { GitHub, ListedIssue, RepoName } from "../github/platform.ts";

export type { ListedIssue } from "../github/platform.ts";

/**
 * Open issues carrying any of `labels`, each once. GitHub's `labels` filter wants all the
 * labels it is given, so each label is listed on its own.
 */
export async function listOpenIssuesWithAnyLabel(github: GitHub, where: RepoName, labels: readonly string[]): Promise<ListedIssue[]> {
  const byNumber = new Map<number, ListedIssue>();
  for (const label of labels) {
    for (const issue of await github.listOpenIssues(where, label)) byNumber.set(issue.number, issue);
  }
  return [...byNumber.values()];
}
