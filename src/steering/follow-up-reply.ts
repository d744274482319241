import type { FollowUpAnswer } from "./follow-ups/follow-ups.ts";

const WHAT: Record<FollowUpAnswer["followUp"]["kind"], string> = {
  retry: "a fresh run",
  redirect: "a follow-up run with this instruction, on the same branches and pull requests",
  review: "a follow-up run for this review",
};

/** The reply to a command that queued work for a task's next run. */
export function renderFollowUpReply(answer: FollowUpAnswer): string {
  const { task, followUp } = answer;
  const what = WHAT[followUp.kind];
  switch (answer.kind) {
    case "started":
      return `Starting ${what} of task ${task.id}.`;
    case "queued":
      return `Task ${task.id} is **${task.state}**; ${what} starts when its current run ends.`;
    case "scheduled":
      return `Task ${task.id} starts ${what} shortly.`;
    case "blocked":
      return `This issue has another active task, ${answer.other.id} (**${answer.other.state}**), so task ${task.id} cannot run again now; \`/agent stop\` it first.`;
  }
}
