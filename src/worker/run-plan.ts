import type { SteeringMessage } from "../agent/agent-run.ts";
import { parseFollowUp, type ParsedFollowUp } from "../steering/follow-ups/follow-up-data.ts";
import { followUpPreamble, redirectInstruction } from "../steering/follow-ups/follow-up-instruction.ts";
import { renderReviewInstruction } from "../steering/review/review-instruction.ts";
import type { Run, Task, PublishedPart } from "../tasks/model.ts";
import type { Store } from "../tasks/store.ts";

/**
 * What one run of a task does. A first run or a retry starts from the base; a follow-up (a
 * redirect after the end, review feedback) starts from the last part's branch, so the agent
 * carries on from what it delivered, and gets the instruction as its first message.
 */
export type RunPlan =
  | { kind: "fresh" }
  | { kind: "follow-up"; followUp: Exclude<ParsedFollowUp, { kind: "retry" }>; startFrom?: string; firstMessage: SteeringMessage }
  | { kind: "invalid"; problem: string };

/** Takes the task's next follow-up for this run (it stays open until the task ends) and plans the run. */
export async function planRun(store: Store, task: Task, run: Run): Promise<RunPlan> {
  const taken = await store.takeFollowUp(task.id, run.id);
  if (!taken) return { kind: "fresh" };
  const followUp = parseFollowUp(taken);
  if (followUp.kind === "invalid") return { kind: "invalid", problem: `follow-up ${followUp.id} is unreadable: ${followUp.problem}` };
  await store.appendEvent(task.id, "follow-up-started", { id: followUp.id, kind: followUp.kind, by: followUp.author });
  if (followUp.kind === "retry") return { kind: "fresh" };
  const parts = await store.partsOf(task.id);
  const startFrom = parts.at(-1)?.branch;
  const body = followUp.kind === "redirect" ? redirectInstruction(followUp, parts) : reviewMessage(followUp, parts);
  return { kind: "follow-up", followUp, ...(startFrom && { startFrom }), firstMessage: { author: followUp.author, body } };
}

function reviewMessage(followUp: Extract<ParsedFollowUp, { kind: "review" }>, parts: readonly PublishedPart[]): string {
  return `${followUpPreamble(parts)}\n\n${renderReviewInstruction(followUp.feedback)}`;
}
