import type { Task } from "../tasks/model.ts";
import type { Store } from "../tasks/store.ts";

/**
 * A writer's `/agent redirect <text>` for a task that is still active: it goes to the task's
 * inbox, and the agent gets it as a user turn before its next step (several arrive in order).
 * Returns the reply.
 */
export async function redirectActiveTask(store: Store, task: Task, author: string, text: string): Promise<string> {
  await store.pushInbox(task.id, author, text, "redirect");
  await store.appendEvent(task.id, "redirect-received", { by: author });
  return `Got it: task ${task.id}'s agent gets this instruction at its next step.`;
}
