import { isFerrys, type AccountOf } from "../../github/ferry-account.ts";
import { reviewReplyMarker } from "../../github/markers.ts";
import type { GitHub, PullComment } from "../../github/platform.ts";
import type { Log } from "../../logger.ts";
import type { ReviewFeedback, ReviewNote } from "../follow-ups/follow-up-data.ts";
import { parseCommentLines } from "./comment-lines.ts";
import type { PullTarget } from "./pull-target.ts";
import { renderReply } from "./reply-body.ts";
import type { ReviewOutcome } from "./review-outcome.ts";

export type { ReviewCommit, ReviewOutcome } from "./review-outcome.ts";

export type ReplyOptions = {
  /** Ferry's bot account: an earlier reply is Ferry's only when that account wrote it. */
  account: AccountOf;
  /**
   * The follow-up the run took; with the task and comment id it marks each reply. Without it a
   * comment gets one reply per task, however many follow-ups address it.
   */
  followUpId?: number;
  /** Where a refused reply is logged (it is in the report either way). */
  log?: Log;
};

export type ReplyReport = { replied: number[]; alreadyReplied: number[]; failed: number[] };

/**
 * After a follow-up run for review feedback: one reply in each comment's thread saying what
 * changed (with the commit) or why nothing did. A retried run finds its earlier replies by their
 * markers and does not reply twice; a reply GitHub refuses is logged and the others still go out.
 */
export async function replyToReview(
  github: GitHub,
  target: PullTarget,
  taskId: number,
  feedback: ReviewFeedback,
  outcome: ReviewOutcome,
  options: ReplyOptions,
): Promise<ReplyReport> {
  const existing = await github.pullComments(target);
  // An unchanged run's reason may carry the agent's summary, and with it its line per comment.
  const agentText = outcome.kind === "changed" ? outcome.summary : outcome.reason;
  const lines = parseCommentLines(agentText, feedback.comments.map((note) => note.id));
  const report: ReplyReport = { replied: [], alreadyReplied: [], failed: [] };
  for (const note of feedback.comments) {
    const marker = reviewReplyMarker(taskId, options.followUpId, note.id);
    const marked = existing.filter((comment) => comment.body.includes(marker));
    if (marked.length > 0 && (await wroteAny(options.account, marked))) {
      report.alreadyReplied.push(note.id);
      continue;
    }
    const body = renderReply({ note, part: feedback.part, outcome, agentLine: lines.get(note.id), marker });
    try {
      await github.replyToReviewComment(target, threadRootOf(note, existing), body);
      report.replied.push(note.id);
    } catch (error) {
      options.log?.warn({ err: error, task: taskId, pull: target.pull, comment: note.id }, "Could not reply in a review thread");
      report.failed.push(note.id);
    }
  }
  return report;
}

/** A marker anyone can paste; only a comment Ferry's own bot wrote proves a reply was made (the account is asked only then). */
async function wroteAny(account: AccountOf, comments: readonly PullComment[]): Promise<boolean> {
  const ferry = await account();
  return comments.some((comment) => isFerrys(ferry, comment.author));
}

/** GitHub takes replies only to a thread's first comment; a reply to a reply goes to its thread. */
function threadRootOf(note: ReviewNote, comments: readonly PullComment[]): number {
  return comments.find((comment) => comment.id === note.id)?.inReplyTo ?? note.id;
}
