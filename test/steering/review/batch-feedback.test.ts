import { describe, expect, test } from "@jest/globals";
import type { ReviewFeedback, ReviewNote } from "../../../src/steering/follow-ups/follow-up-data.ts";
import { batchFeedback } from "../../../src/steering/review/batch-feedback.ts";
import type { FetchedThread } from "../../../src/steering/review/fetch-review-threads.ts";

const note = (id: number): ReviewNote => ({ id, path: "a.ts", line: 1, diffHunk: "@@", body: `c${id}`, author: "m" });
const arrival = (ids: number[]): ReviewFeedback => ({ pull: 2, part: 1, branch: "b", reviews: [], comments: ids.map(note), threads: [] });
const thread = (ids: number[], resolved = false): FetchedThread => ({ resolved, comments: ids.map(note) });
const threadIds = (feedback: ReviewFeedback) => feedback.threads.map((each) => each.comments.map((comment) => comment.id));

describe("review feedback gathered into one batch", () => {
  test("keeps unresolved threads without new comments, drops resolved ones and those the batch addresses", () => {
    const fetched = [thread([1]), thread([2], true), thread([11])];

    expect(threadIds(batchFeedback(undefined, arrival([11]), fetched))).toEqual([[1]]);
  });

  test("keeps the earlier comments of a thread that a new comment replies in, even a resolved one", () => {
    expect(threadIds(batchFeedback(undefined, arrival([12]), [thread([5, 12], true)]))).toEqual([[5]]);
  });

  test("works the threads out against every comment of the batch, whatever order the events came in", () => {
    const fetched = [thread([5, 12]), thread([11])];
    const first = batchFeedback(undefined, arrival([12]), fetched);

    const merged = batchFeedback(first, arrival([11]), fetched);

    expect(merged.comments.map((comment) => comment.id)).toEqual([12, 11]);
    expect(threadIds(merged)).toEqual([[5]]);
  });

  test("keeps the threads read before when this event could not read them", () => {
    const first = batchFeedback(undefined, arrival([11]), [thread([1]), thread([2])]);

    expect(threadIds(batchFeedback(first, arrival([12]), undefined))).toEqual([[1], [2]]);
  });
});
