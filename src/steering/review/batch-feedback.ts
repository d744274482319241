import { mergeReviewFeedback, ReviewFeedback, type ReviewThread } from "../follow-ups/follow-up-data.ts";
import { contextThreads } from "./context-threads.ts";
import type { FetchedThread } from "./fetch-review-threads.ts";

/**
 * The batch's feedback once `incoming` joins it (`existing` is undefined for a new batch): each
 * comment once, and the context threads worked out against every comment of the batch, so a
 * thread that one of them replies in keeps its earlier comments. When the threads could not be
 * read this time (`fetched` undefined), the ones read before for the batch stay.
 */
export function batchFeedback(existing: unknown, incoming: ReviewFeedback, fetched: readonly FetchedThread[] | undefined): ReviewFeedback {
  const merged = existing === undefined ? incoming : mergeReviewFeedback(existing, incoming);
  const addressed = new Set(merged.comments.map((comment) => comment.id));
  if (fetched) return { ...merged, threads: contextThreads(fetched, addressed) };
  const before = ReviewFeedback.safeParse(existing);
  return { ...merged, threads: withoutAddressed(before.success ? before.data.threads : [], addressed) };
}

function withoutAddressed(threads: readonly ReviewThread[], addressed: ReadonlySet<number>): ReviewThread[] {
  return threads.flatMap((thread) => {
    const comments = thread.comments.filter((comment) => !addressed.has(comment.id));
    return comments.length === 0 ? [] : [{ comments }];
  });
}
