import type { Context } from "probot";
import { parseComment } from "../commands.ts";
import { onceForDelivery } from "../deliveries.ts";
import type { IntakeDeps } from "../intake.ts";
import { IssueCommentEvent } from "../payloads.ts";
import { canWrite } from "../../github/permissions.ts";
import { postComment } from "../../github/ensure-comment.ts";
import { reactSeen } from "../../github/reactions.ts";
import { isBot } from "../sender.ts";
import { runCommand } from "../command-handlers.ts";
import { answerWaitingQuestion, findWaitingTask } from "../../steering/reply-to-pause.ts";
import { eventContextOf } from "./event-context-of.ts";

/**
 * `/agent …` comments by writers, and a writer's plain comment while the agent waits for
 * an answer on the issue; everything else in the thread is left alone.
 */
export const onIssueComment = (deps: IntakeDeps) => async (context: Context<"issue_comment.created">) => {
  const parsed = IssueCommentEvent.safeParse(context.payload);
  if (!parsed.success) return context.log.warn({ issues: parsed.error.issues }, "ignoring a malformed issue_comment payload");
  const payload = parsed.data;
  if (isBot(payload.sender)) return;
  const command = parseComment(payload.comment.body);
  if (command.kind === "none") return answerQuestion(deps, context, payload);

  await onceForDelivery(deps.store, { id: context.id, event: "issue_comment.created" }, async () => {
    const event = eventContextOf(context, payload);
    if (!(await canWrite(event.client, event.repo.owner, event.repo.name, event.sender.login))) {
      return postComment(
        event.client,
        event.issue,
        `Sorry @${event.sender.login}, only people with write access to this repository can give Ferry commands.`,
      );
    }
    await reactSeen(event.client, event.issue, payload.comment.id);
    await runCommand(deps, event, command, { isPullRequest: payload.issue.pull_request !== undefined });
  });
};

/** Only a waiting question makes a plain comment worth a look; from anyone but a writer it stays context. */
async function answerQuestion(deps: IntakeDeps, context: Context<"issue_comment.created">, payload: IssueCommentEvent) {
  const issue = { owner: payload.repository.owner.login, repo: payload.repository.name, issueNumber: payload.issue.number };
  if (findWaitingTask(deps.store, issue)?.pause.kind !== "question") return;
  await onceForDelivery(deps.store, { id: context.id, event: "issue_comment.created" }, async () => {
    const event = eventContextOf(context, payload);
    if (!(await canWrite(event.client, event.repo.owner, event.repo.name, event.sender.login))) return;
    if (answerWaitingQuestion(deps.store, event.issue, event.sender.login, payload.comment.body)) {
      await reactSeen(event.client, event.issue, payload.comment.id);
    }
  });
}
