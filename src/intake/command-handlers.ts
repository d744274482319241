import { clampRepoConfig } from "../config/clamp-limits.ts";
import { renderCommandHelp, type ParsedComment } from "./commands.ts";
import { commandTarget } from "./command-target.ts";
import { postComment } from "../github/ensure-comment.ts";
import type { EventContext } from "./event-context.ts";
import { enqueueTask, type IntakeDeps } from "./intake.ts";
import { repoConfigFor, reportInvalidConfig } from "./repo-config-for-event.ts";
import { renderApproveReply } from "../steering/approve-reply.ts";
import { renderFollowUpReply } from "../steering/follow-up-reply.ts";
import { approveWaitingTask } from "../steering/reply-to-pause.ts";
import { redirectActiveTask } from "../steering/redirect.ts";
import { stopTask } from "../steering/stop-task.ts";
import { renderTaskStatusReply } from "../steering/task-status-reply.ts";
import { isTerminal, type Task } from "../tasks/model.ts";

type Where = { isPullRequest: boolean };
type Reply = (body: string) => Promise<void>;

const NO_TASK = "There is no Ferry task for this issue yet: `/agent run` on the issue starts one.";
const NOT_AGENT_PULL = "This pull request was not opened by Ferry, so there is no task to steer here.";

/** Carries out one authorised `/agent` command and answers it in the thread it came from. */
export async function runCommand(
  deps: IntakeDeps,
  event: EventContext,
  parsed: Exclude<ParsedComment, { kind: "none" }>,
  where: Where,
): Promise<void> {
  const reply: Reply = (body) => postComment(event.client, event.issue, body);
  if (parsed.kind === "unknown") return reply(`I don't know \`/agent ${parsed.verb}\`.\n\n${renderCommandHelp()}`);
  if (parsed.kind === "invalid") return reply(`\`/agent ${parsed.verb}\`: ${parsed.problem}.\n\n${renderCommandHelp()}`);

  const { verb } = parsed.command;
  if (verb === "help") return reply(renderCommandHelp());
  if (verb === "run") return runOnIssue(deps, event, where, reply);
  const { task, issue, pull } = await commandTarget(deps.store, event, where.isPullRequest);
  if (!task) return reply(pull === undefined ? NO_TASK : NOT_AGENT_PULL);
  switch (verb) {
    case "stop":
      return reply(await stopTask(deps, task.id, `@${event.sender.login} asked to stop`));
    case "status":
      return reply(await statusReply(deps, event, task));
    case "approve":
      return reply(renderApproveReply(await approveWaitingTask(deps.store, issue, event.sender.login), event.sender.login));
    case "redirect":
      return reply(await redirect(deps, task, event.sender.login, parsed.command.text));
    case "retry":
      return reply(await retry(deps, task, event, where));
  }
}

async function redirect(deps: IntakeDeps, task: Task, by: string, text: string): Promise<string> {
  if (isTerminal(task.state)) return renderFollowUpReply(await deps.followUps.request({ taskId: task.id, kind: "redirect", author: by, data: { text } }));
  const reply = await redirectActiveTask(deps.store, task, by, text);
  deps.live?.touch(task.id);
  return reply;
}

async function retry(deps: IntakeDeps, task: Task, event: EventContext, where: Where): Promise<string> {
  if (!isTerminal(task.state)) return `Task ${task.id} is still **${task.state}**: \`/agent stop\` it first, or wait until it ends.`;
  const by = event.sender.login;
  // A retry on the issue approves its text as it is now; on a pull request the earlier snapshot stays.
  if (!where.isPullRequest && event.issueText) await deps.store.snapshotIssue(task.id, { ...event.issueText, approvedBy: by });
  return renderFollowUpReply(await deps.followUps.request({ taskId: task.id, kind: "retry", author: by, data: {} }));
}

async function statusReply(deps: IntakeDeps, event: EventContext, task: Task): Promise<string> {
  const config = await repoConfigFor(event).catch(() => undefined);
  return renderTaskStatusReply({
    task,
    runs: await deps.store.listRuns(task.id),
    progress: await deps.live?.progressOf(task.id),
    parts: await deps.store.partsOf(task.id),
    trajectory: await deps.live?.trajectoryOf(task.id),
    limits: config?.ok ? (deps.ceilings ? clampRepoConfig(config.config, deps.ceilings).config : config.config).limits : undefined,
    followUps: await deps.store.openFollowUps(task.id),
    now: new Date(),
  });
}

async function runOnIssue(deps: IntakeDeps, event: EventContext, where: Where, reply: Reply) {
  if (where.isPullRequest) return reply("`/agent run` works on issues: comment it on the issue you want solved.");
  const config = await repoConfigFor(event);
  if (!config.ok) return reportInvalidConfig(event, config.problems);
  const outcome = await enqueueTask(deps, event, "command");
  if (outcome.kind === "already-active") {
    return reply(`This issue already has task ${outcome.task.id} (**${outcome.task.state}**); \`/agent stop\` cancels it.`);
  }
}
