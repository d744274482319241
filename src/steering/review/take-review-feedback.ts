import type { GitHub } from "../../github/platform.ts";
import type { AccountOf } from "../../github/ferry-account.ts";
import type { Log } from "../../logger.ts";
import type { Task, PublishedPart } from "../../tasks/model.ts";
import type { ReviewFeedback, ReviewNote } from "../follow-ups/follow-up-data.ts";
import type { FollowUpAnswer, FollowUps } from "../follow-ups/follow-ups.ts";
import { batchFeedback } from "./batch-feedback.ts";
import { replyBlocked } from "./blocked-reply.ts";
import { fetchReviewThreads } from "./fetch-review-threads.ts";
import type { PullTarget } from "./pull-target.ts";

export type FeedbackDeps = {
  client: GitHub;
  log: Log;
  followUps: Pick<FollowUps, "request">;
  /** How long the batch waits for more comments on the same pull request before a run takes it. */
  delayMs: number;
  /** Ferry's bot account, whose note on the pull request is edited rather than posted again. */
  account: AccountOf;
};

/** The pull request Ferry delivered, and as which part of which task. */
export type AgentPull = { task: Task; part: PublishedPart };

/** Feedback that just arrived from a writer: a submitted review with its comments, or a single comment. */
export type ReviewArrival = {
  author: string;
  review?: ReviewFeedback["reviews"][number];
  comments: ReviewNote[];
};

/**
 * Hands a writer's review feedback to the task's follow-up runs. Everything on one pull request
 * within the window gathers into one follow-up, each comment once, with the threads still open
 * on it as context; feedback arriving during a run waits for the next one.
 */
export async function takeReviewFeedback(deps: FeedbackDeps, target: PullTarget, agentPull: AgentPull, arrival: ReviewArrival): Promise<FollowUpAnswer> {
  const fetched = await fetchReviewThreads(deps.client, target, deps.log);
  const { task, part } = agentPull;
  const own: ReviewFeedback = {
    pull: target.pull,
    part: part.index,
    branch: part.branch,
    reviews: arrival.review ? [arrival.review] : [],
    comments: arrival.comments,
    threads: [],
  };
  const incoming = batchFeedback(undefined, own, fetched);
  const answer = await deps.followUps.request({
    taskId: task.id,
    kind: "review",
    author: arrival.author,
    data: incoming,
    batch: `review:pull-${target.pull}`,
    delayMs: deps.delayMs,
    merge: (existing) => batchFeedback(existing, incoming, fetched),
  });
  if (answer.kind === "blocked") await replyBlocked(deps.client, target, answer.task, answer.other, deps.account);
  return answer;
}
