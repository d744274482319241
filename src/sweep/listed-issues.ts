import { z } from "zod";
import { allPages } from "../github/all-pages.ts";
import type { GitHubClient, RepoName } from "../github/client.ts";

/** The fields of an issue from the REST issues list that sweeps rely on. */
export const ListedIssue = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullish(),
  locked: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
  user: z.object({ login: z.string(), type: z.string() }).nullable(),
  /** The labels' names (GitHub may list a label as its bare name). */
  labels: z
    .array(z.union([z.string(), z.object({ name: z.string().nullish() })]))
    .optional()
    .transform((labels) => labels?.flatMap((label) => (typeof label === "string" ? [label] : label.name ? [label.name] : []))),
  reactions: z.object({ "+1": z.number() }).optional(),
  /** Present when the "issue" is a pull request: the issues list returns both. */
  pull_request: z.unknown().optional(),
});
export type ListedIssue = z.infer<typeof ListedIssue>;


/** Open issues (never pull requests) carrying `label`, across all pages. */
export async function listOpenIssuesWithLabel(client: GitHubClient, where: RepoName, label: string): Promise<ListedIssue[]> {
  const issues = await allPages(ListedIssue, (page) =>
    client.request("GET /repos/{owner}/{repo}/issues", { owner: where.owner, repo: where.repo, state: "open", labels: label, ...page }),
  );
  return issues.filter((issue) => issue.pull_request === undefined);
}

/**
 * Open issues carrying any of `labels`, each once. GitHub's `labels` filter wants all the
 * labels it is given, so each label is listed on its own.
 */
export async function listOpenIssuesWithAnyLabel(client: GitHubClient, where: RepoName, labels: readonly string[]): Promise<ListedIssue[]> {
  const byNumber = new Map<number, ListedIssue>();
  for (const label of labels) {
    for (const issue of await listOpenIssuesWithLabel(client, where, label)) byNumber.set(issue.number, issue);
  }
  return [...byNumber.values()];
}
