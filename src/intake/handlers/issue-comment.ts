import { parseComment } from "../commands.ts";
import type { IntakeDeps } from "../intake.ts";
import { IssueCommentEvent } from "../payloads.ts";
import { postComment } from "../../github/ensure-comment.ts";
import { reactSeen } from "../../github/reactions.ts";
import { runCommand } from "../command-handlers.ts";
import { eventContextOf, type EventContext } from "../event-context.ts";
import { answerWaitingQuestion, findWaitingTask } from "../../steering/reply-to-pause.ts";
import { guardedHandler, senderCanWrite } from "./guarded-handler.ts";

/**
 * `/agent …` comments by writers, and a writer's plain comment while the agent waits for
 * an answer on the issue; everything else in the thread is left alone.
 */
export const onIssueComment = (deps: IntakeDeps) =>
  guardedHandler(deps.store, {
    name: "issue_comment.created",
    payload: IssueCommentEvent,
    accept: async (payload) => {
      const command = parseComment(payload.comment.body);
      // Only a waiting question makes a plain comment worth a look.
      if (command.kind === "none" && !(await waitsForAnswer(deps, payload))) return undefined;
      return { payload, command };
    },
    handle: async ({ payload, command }, context) => {
      const event = eventContextOf(context, payload);
      if (command.kind === "none") return answerQuestion(deps, event, payload);
      if (!(await senderCanWrite(event))) {
        return postComment(event.client, event.issue, `Sorry @${event.sender.login}, only people with write access to this repository can give Ferry commands.`);
      }
      await reactSeen(event.client, event.issue, payload.comment.id);
      await runCommand(deps, event, command, { isPullRequest: payload.issue.pull_request !== undefined });
    },
  });

async function waitsForAnswer(deps: IntakeDeps, payload: IssueCommentEvent): Promise<boolean> {
  const issue = { owner: payload.repository.owner.login, repo: payload.repository.name, issueNumber: payload.issue.number };
  return (await findWaitingTask(deps.store, issue))?.pause.kind === "question";
}

/** A plain comment from anyone but a writer stays context; a writer's answers the question. */
async function answerQuestion(deps: IntakeDeps, event: EventContext, payload: IssueCommentEvent) {
  if (!(await senderCanWrite(event))) return;
  if (await answerWaitingQuestion(deps.store, event.issue, event.sender.login, payload.comment.body)) {
    await reactSeen(event.client, event.issue, payload.comment.id);
  }
}
