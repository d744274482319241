import { z } from "zod";
import type { FollowUp } from "../../tasks/model.ts";

/** One review comment as the follow-up run sees it: where it is, what it says, who wrote it. */
export const ReviewNote = z.object({
  /** The comment's id on GitHub, used to reply in its thread. */
  id: z.number().int().positive(),
  path: z.string(),
  line: z.number().int().nullable(),
  diffHunk: z.string(),
  body: z.string(),
  author: z.string(),
  url: z.string().optional(),
});
export type ReviewNote = z.infer<typeof ReviewNote>;

/** A thread from an earlier review that is still unresolved: its comments in order, the first one is the thread's root. */
export const ReviewThread = z.object({ comments: z.array(ReviewNote).min(1) });
export type ReviewThread = z.infer<typeof ReviewThread>;

/** Review feedback on one part's pull request, gathered into one follow-up run. */
export const ReviewFeedback = z.object({
  pull: z.number().int().positive(),
  /** The part (1-based) the pull request delivers, and its branch. */
  part: z.number().int().positive(),
  branch: z.string(),
  /** Review ids included, in arrival order, with their summary bodies (may be empty). */
  reviews: z.array(z.object({ id: z.number().int().positive(), state: z.string(), body: z.string(), author: z.string() })),
  /** Inline comments to address, each answered in its thread after the run. */
  comments: z.array(ReviewNote),
  /** Earlier unresolved threads, given as context. */
  threads: z.array(ReviewThread),
});
export type ReviewFeedback = z.infer<typeof ReviewFeedback>;

export const RedirectFollowUp = z.object({ text: z.string().min(1) });
export const RetryFollowUp = z.object({});

/** A follow-up with its data parsed for its kind; data that does not parse is reported, not trusted. */
export type ParsedFollowUp =
  | { kind: "retry"; id: number; author: string }
  | { kind: "redirect"; id: number; author: string; text: string }
  | { kind: "review"; id: number; author: string; feedback: ReviewFeedback };

export function parseFollowUp(followUp: FollowUp): ParsedFollowUp | { kind: "invalid"; id: number; problem: string } {
  const { id, author } = followUp;
  if (followUp.kind === "retry") return { kind: "retry", id, author };
  if (followUp.kind === "redirect") {
    const parsed = RedirectFollowUp.safeParse(followUp.data);
    return parsed.success ? { kind: "redirect", id, author, text: parsed.data.text } : { kind: "invalid", id, problem: parsed.error.message };
  }
  const parsed = ReviewFeedback.safeParse(followUp.data);
  return parsed.success ? { kind: "review", id, author, feedback: parsed.data } : { kind: "invalid", id, problem: parsed.error.message };
}

/** Adds newly arrived review feedback to a batch not yet taken by a run: comments and reviews once each, threads refreshed. */
export function mergeReviewFeedback(existing: unknown, incoming: ReviewFeedback): ReviewFeedback {
  const parsed = ReviewFeedback.safeParse(existing);
  if (!parsed.success) return incoming;
  const before = parsed.data;
  const commentIds = new Set(before.comments.map((comment) => comment.id));
  const reviewIds = new Set(before.reviews.map((review) => review.id));
  const comments = [...before.comments, ...incoming.comments.filter((comment) => !commentIds.has(comment.id))];
  const reviews = [...before.reviews, ...incoming.reviews.filter((review) => !reviewIds.has(review.id))];
  const addressed = new Set(comments.map((comment) => comment.id));
  const threads = incoming.threads.filter((thread) => !thread.comments.some((comment) => addressed.has(comment.id)));
  return { ...incoming, reviews, comments, threads };
}
