import type { Delivery } from "./deliveries.ts";
import type { StoredTask } from "./stored-tasks.ts";

/**
 * The invariants of the load, from what Ferry stored and what its runner was handed: one
 * task per issue that got a trigger (none lost, none duplicated), each run once.
 */
export type TaskTally = {
  expected: number;
  created: number;
  lost: number[];
  /** Issues with more than one task, and tasks on issues that never got a trigger. */
  duplicated: number;
  /** Tasks the runner was handed more than once. */
  rerun: number;
  states: Record<string, number>;
};

export function tallyTasks(deliveries: readonly Delivery[], tasks: readonly StoredTask[], runs: readonly number[]): TaskTally {
  const triggered = new Set(deliveries.filter((delivery) => delivery.trigger).map((delivery) => delivery.issue));
  const perIssue = Map.groupBy(tasks, (task) => task.issue);
  const lost = [...triggered].filter((issue) => issue !== undefined && !perIssue.has(issue)).map(Number);
  let duplicated = 0;
  for (const [issue, list] of perIssue) duplicated += triggered.has(issue) ? list.length - 1 : list.length;
  const timesRun = Map.groupBy(runs, (id) => id);
  const rerun = [...timesRun.values()].filter((list) => list.length > 1).length;
  const states: Record<string, number> = {};
  for (const task of tasks) states[task.state] = (states[task.state] ?? 0) + 1;
  return { expected: triggered.size, created: tasks.length, lost, duplicated, rerun, states };
}

/** Status comments per task: every task should have exactly one. */
export function tallyStatusComments(tasks: readonly StoredTask[], statusComments: Record<string, number>) {
  const counts = tasks.map((task) => statusComments[String(task.id)] ?? 0);
  return { missing: counts.filter((count) => count === 0).length, duplicated: counts.filter((count) => count > 1).length };
}
