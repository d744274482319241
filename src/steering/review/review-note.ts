import type { ReviewCommentFields } from "../../intake/payloads.ts";
import type { ReviewNote } from "../follow-ups/follow-up-data.ts";

/** GitHub's review comment as the follow-up keeps it; an outdated comment has only its original line. */
export function noteOf(comment: ReviewCommentFields): ReviewNote {
  return {
    id: comment.id,
    path: comment.path,
    line: comment.line ?? comment.original_line ?? null,
    diffHunk: comment.diff_hunk,
    body: comment.body,
    author: comment.user?.login ?? "ghost",
    ...(comment.html_url === undefined ? {} : { url: comment.html_url }),
  };
}
