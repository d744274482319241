import { TERMINAL_STATES, type Task } from "../../tasks/model.ts";
import type { Store } from "../../tasks/store.ts";

/** The task event written once a task's ending (last edit, reaction, check run) reached GitHub. */
export const ENDING_REPORTED = "ending-reported";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Tasks that ended within `withinMs` of `now` without their ending reaching GitHub whole:
 * the process died (or GitHub failed) between storing the end and reporting it. The report
 * is safe to send again: the comment is found by its marker, a reaction is not doubled and
 * the check run is found by its id.
 */
export async function unreportedEndings(store: Pick<Store, "listTasks" | "listEvents">, now: Date, withinMs = DAY_MS): Promise<Task[]> {
  const since = now.getTime() - withinMs;
  const recent = (await store.listTasks(TERMINAL_STATES)).filter((task) => Date.parse(task.updatedAt) >= since);
  const unreported: Task[] = [];
  for (const task of recent) {
    const events = await store.listEvents(task.id);
    const ended = events.findLastIndex((event) => event.type === "state");
    const reported = events.findLastIndex((event) => event.type === ENDING_REPORTED);
    // A follow-up run reopens and ends the task again: only a report after the last ending counts.
    if (reported < ended) unreported.push(task);
  }
  return unreported;
}
