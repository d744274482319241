import { isFerrys, type AccountOf } from "./ferry-account.ts";
import type { GitHub, IssueComment, IssueRef } from "./platform.ts";

export type { IssueRef } from "./platform.ts";

export type EnsureCommentResult = { id: number; action: "created" | "updated" | "unchanged" };

/**
 * Finds Ferry's issue comment that carries `marker`, scanning every page. A comment by anyone
 * but Ferry's bot counts for nothing, marker or not: it is never edited or taken for Ferry's.
 */
export async function findMarkedComment(github: GitHub, issue: IssueRef, marker: string, accountOf: AccountOf): Promise<IssueComment | undefined> {
  for await (const comments of github.issueComments(issue)) {
    const marked = comments.filter((comment) => comment.body.includes(marker));
    // The account is asked only once a comment carries the marker (not for a new task's first comment).
    const account = marked.length > 0 ? await accountOf() : undefined;
    const found = account && marked.find((comment) => isFerrys(account, comment.author));
    if (found) return found;
  }
  return undefined;
}

/**
 * The one comment Ferry owns for `marker`: created if missing, edited only when its
 * body changed. `body` must contain the marker so the next call finds it again.
 */
export async function ensureComment(github: GitHub, issue: IssueRef, marker: string, body: string, accountOf: AccountOf): Promise<EnsureCommentResult> {
  if (!body.includes(marker)) throw new Error("ensureComment: the body must carry its marker");
  const existing = await findMarkedComment(github, issue, marker, accountOf);
  if (existing && existing.body === body) return { id: existing.id, action: "unchanged" };
  if (existing) {
    await github.updateComment(issue, existing.id, body);
    return { id: existing.id, action: "updated" };
  }
  const created = await github.createComment(issue, body);
  return { id: created.id, action: "created" };
}

/** A plain reply (help, refusals). Not marked: each answers one command. */
export async function postComment(github: GitHub, issue: IssueRef, body: string): Promise<void> {
  await github.createComment(issue, body);
}
