import type { Context } from "probot";
import type { PullTarget } from "../../steering/review/pull-target.ts";
import { takeReviewFeedback, type AgentPull, type ReviewArrival } from "../../steering/review/take-review-feedback.ts";
import { gitHubOf } from "../event-context.ts";
import type { IntakeDeps } from "../intake.ts";
import type { RepositoryPayload } from "../payloads.ts";
import { reactSeenOnReviewComment } from "../../github/reactions.ts";

export type ReviewDeps = Pick<IntakeDeps, "store" | "followUps" | "account">;

export type ReviewOptions = {
  /** The batching window: comments on one pull request within it go to one run. */
  delayMs?: number;
};

export const REVIEW_WINDOW_MS = 20_000;

type PullEventPayload = { repository: RepositoryPayload; pull_request: { number: number } };

/** The pull request the event is about, when Ferry delivered it (and its task is known); else undefined. */
export async function onAgentPull<P extends PullEventPayload>(store: ReviewDeps["store"], payload: P): Promise<{ payload: P; target: PullTarget; agentPull: AgentPull } | undefined> {
  const target = { owner: payload.repository.owner.login, repo: payload.repository.name, pull: payload.pull_request.number };
  const agentPull = await store.findTaskByPull(target.owner, target.repo, target.pull);
  return agentPull && { payload, target, agentPull };
}

/** 👀 on each comment taken, then the feedback goes to the task's follow-ups. */
export async function handOffReview(
  deps: ReviewDeps,
  context: Context,
  where: { target: PullTarget; agentPull: AgentPull; delayMs: number | undefined },
  arrival: ReviewArrival,
): Promise<void> {
  const { target, agentPull } = where;
  const github = gitHubOf(context);
  for (const comment of arrival.comments) {
    // A reaction only acknowledges; the feedback must not be lost for one that failed.
    await reactSeenOnReviewComment(github, target, comment.id).catch((error: unknown) =>
      context.log.warn({ err: error, pull: target.pull, comment: comment.id }, "Could not react to a review comment"),
    );
  }
  const feedbackDeps = { client: github, log: context.log, followUps: deps.followUps, delayMs: where.delayMs ?? REVIEW_WINDOW_MS, account: deps.account };
  const answer = await takeReviewFeedback(feedbackDeps, target, agentPull, arrival);
  context.log.info({ task: agentPull.task.id, pull: target.pull, followUp: answer.followUp.id, answer: answer.kind }, "Review feedback taken");
}
