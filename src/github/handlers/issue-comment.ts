import type { Context } from "probot";
import { parseComment } from "../commands.ts";
import { onceForDelivery } from "../deliveries.ts";
import type { IntakeDeps } from "../intake.ts";
import { IssueCommentEvent } from "../payloads.ts";
import { canWrite } from "../permissions.ts";
import { postComment } from "../ensure-comment.ts";
import { reactSeen } from "../reactions.ts";
import { isBot } from "../sender.ts";
import { runCommand } from "../command-handlers.ts";
import { eventContextOf } from "./event-context-of.ts";

/** `/agent …` comments by writers; everything else in the thread is left alone. */
export const onIssueComment = (deps: IntakeDeps) => async (context: Context<"issue_comment.created">) => {
  const parsed = IssueCommentEvent.safeParse(context.payload);
  if (!parsed.success) return context.log.warn({ issues: parsed.error.issues }, "ignoring a malformed issue_comment payload");
  const payload = parsed.data;
  const command = parseComment(payload.comment.body);
  if (command.kind === "none" || isBot(payload.sender)) return;

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
