import type { Pauses } from "../agent/pauses.ts";
import { renderApprovalRequest, renderQuestion } from "./pause-comments.ts";
import { pauseTask } from "./pause-task.ts";
import type { PauseTaskOptions } from "./pause-task.ts";
import { describeWait } from "./wait-wording.ts";

export type TaskPausesOptions = Omit<PauseTaskOptions, "pollMs" | "now"> & {
  /** How often the store is read for a reply; default 2 s. */
  pollMs?: number;
  now?: () => Date;
};

const DEFAULT_POLL_MS = 2000;

// Reasons are clauses without a full stop: the tools fold them into their own sentence.

/**
 * Pauses for a task on GitHub: the request or question goes on the issue, and the reply
 * (`/agent approve`, a writer's comment) comes back through the task's inbox.
 */
export function createTaskPauses(options: TaskPausesOptions): Pauses {
  const pause: PauseTaskOptions = {
    ...options,
    pollMs: options.pollMs ?? DEFAULT_POLL_MS,
    now: options.now ?? (() => new Date()),
  };
  const wait = describeWait(options.waitMs);
  return {
    async approve(request, signal) {
      const reply = await pauseTask(
        pause,
        {
          kind: "approval",
          subject: request.command,
          comment: (window) => renderApprovalRequest(request, window),
          // An approval names the command it approves, so a late one cannot approve another command.
          accepts: (message) => message.body === request.command,
        },
        signal,
      );
      if (reply) return { approved: true, by: reply.author };
      return { approved: false, reason: `no one with write access approved it on the issue within ${wait}, so it was not run` };
    },

    async ask(question, signal) {
      const reply = await pauseTask(
        pause,
        { kind: "question", subject: question, comment: (window) => renderQuestion(question, window), accepts: () => true },
        signal,
      );
      if (reply) return { answered: true, answer: reply.body, by: reply.author };
      return { answered: false, reason: `no one with write access answered on the issue within ${wait}` };
    },
  };
}
