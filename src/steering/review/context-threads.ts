import type { ReviewThread } from "../follow-ups/follow-up-data.ts";
import type { FetchedThread } from "./fetch-review-threads.ts";

/**
 * The threads the run gets as context besides the comments it addresses: every unresolved
 * thread, and the earlier comments of a thread that one of the new comments replies in. The
 * new comments themselves are left out; they are addressed, not context.
 */
export function contextThreads(threads: readonly FetchedThread[], addressed: ReadonlySet<number>): ReviewThread[] {
  return threads.flatMap((thread) => {
    const repliedIn = thread.comments.some((comment) => addressed.has(comment.id));
    const earlier = thread.comments.filter((comment) => !addressed.has(comment.id));
    if (earlier.length === 0 || (thread.resolved && !repliedIn)) return [];
    return [{ comments: earlier }];
  });
}
