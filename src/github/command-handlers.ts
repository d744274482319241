import { renderCommandHelp, type ParsedComment } from "./commands.ts";
import { cancelActiveTask } from "./cancel.ts";
import { postComment } from "./ensure-comment.ts";
import type { EventContext } from "./event-context.ts";
import { enqueueTask, type IntakeDeps } from "./intake.ts";
import { repoConfigFor, reportInvalidConfig } from "./repo-config-for-event.ts";
import { renderApproveReply } from "../steering/approve-reply.ts";
import { approveWaitingTask } from "../steering/reply-to-pause.ts";
import { redirectActiveTask, renderRedirectReply } from "../steering/redirect.ts";

type Where = { isPullRequest: boolean };

/** Carries out one authorised `/agent` command and answers it in the thread. */
export async function runCommand(
  deps: IntakeDeps,
  event: EventContext,
  parsed: Exclude<ParsedComment, { kind: "none" }>,
  where: Where,
): Promise<void> {
  const reply = (body: string) => postComment(event.client, event.issue, body);
  if (parsed.kind === "unknown") return reply(`I don't know \`/agent ${parsed.verb}\`.\n\n${renderCommandHelp()}`);
  if (parsed.kind === "invalid") return reply(`\`/agent ${parsed.verb}\`: ${parsed.problem}.\n\n${renderCommandHelp()}`);

  const { verb } = parsed.command;
  switch (verb) {
    case "help":
      return reply(renderCommandHelp());
    case "run":
      return runOnIssue(deps, event, where, reply);
    case "stop": {
      const cancelled = await cancelActiveTask(deps, event, `@${event.sender.login} asked to stop`);
      return reply(cancelled ? `Stopped task ${cancelled.id}.` : "There is no queued or running task on this issue.");
    }
    case "status": {
      const active = deps.store.findActiveTask(event.repo.owner, event.repo.name, event.issue.issueNumber);
      return reply(active ? `Task ${active.id} is **${active.state}**.` : "There is no queued or running task on this issue.");
    }
    case "approve":
      return reply(renderApproveReply(approveWaitingTask(deps.store, event.issue, event.sender.login), event.sender.login));
    case "redirect":
      return reply(renderRedirectReply(redirectActiveTask(deps.store, event.issue, event.sender.login, parsed.command.text)));
    case "retry":
      return reply(`\`/agent ${verb}\` is not available in this version of Ferry yet.`);
  }
}

async function runOnIssue(deps: IntakeDeps, event: EventContext, where: Where, reply: (body: string) => Promise<void>) {
  if (where.isPullRequest) return reply("`/agent run` works on issues: comment it on the issue you want solved.");
  const config = await repoConfigFor(event);
  if (!config.ok) return reportInvalidConfig(event, config.problems);
  const outcome = await enqueueTask(deps, event, "command");
  if (outcome.kind === "already-active") {
    return reply(`This issue already has task ${outcome.task.id} (**${outcome.task.state}**); \`/agent stop\` cancels it.`);
  }
}
