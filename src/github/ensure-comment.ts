import { z } from "zod";
import { pagesOf } from "./all-pages.ts";
import type { GitHubClient } from "./client.ts";
import { isFerrys, type AccountOf } from "./ferry-account.ts";

export type IssueRef = { owner: string; repo: string; issueNumber: number };

export type EnsureCommentResult = { id: number; action: "created" | "updated" | "unchanged" };

const Comment = z.object({ id: z.number(), body: z.string().nullish(), user: z.object({ login: z.string(), type: z.string().optional() }).nullish() });
const CommentPage = z.array(Comment);

/**
 * Finds Ferry's issue comment that carries `marker`, scanning every page. A comment by anyone
 * but Ferry's bot counts for nothing, marker or not: it is never edited or taken for Ferry's.
 */
export async function findMarkedComment(
  client: GitHubClient,
  issue: IssueRef,
  marker: string,
  accountOf: AccountOf,
): Promise<z.infer<typeof Comment> | undefined> {
  const where = { owner: issue.owner, repo: issue.repo, issue_number: issue.issueNumber };
  for await (const comments of pagesOf(CommentPage, (page) => client.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...where, ...page }))) {
    const marked = comments.filter((comment) => comment.body?.includes(marker));
    // The account is asked only once a comment carries the marker (not for a new task's first comment).
    const account = marked.length > 0 ? await accountOf() : undefined;
    const found = account && marked.find((comment) => isFerrys(account, comment.user));
    if (found) return found;
  }
  return undefined;
}

/**
 * The one comment Ferry owns for `marker`: created if missing, edited only when its
 * body changed. `body` must contain the marker so the next call finds it again.
 */
export async function ensureComment(
  client: GitHubClient,
  issue: IssueRef,
  marker: string,
  body: string,
  accountOf: AccountOf,
): Promise<EnsureCommentResult> {
  if (!body.includes(marker)) throw new Error("ensureComment: the body must carry its marker");
  const existing = await findMarkedComment(client, issue, marker, accountOf);
  if (existing && existing.body === body) return { id: existing.id, action: "unchanged" };
  if (existing) {
    await client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
      owner: issue.owner,
      repo: issue.repo,
      comment_id: existing.id,
      body,
    });
    return { id: existing.id, action: "updated" };
  }
  const created = await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.issueNumber,
    body,
  });
  return { id: Comment.parse(created.data).id, action: "created" };
}

/** A plain reply (help, refusals). Not marked: each answers one command. */
export async function postComment(client: GitHubClient, issue: IssueRef, body: string): Promise<void> {
  await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.issueNumber,
    body,
  });
}
