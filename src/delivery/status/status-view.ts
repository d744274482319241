import type { Task, TaskState, PublishedPart } from "../../tasks/model.ts";
import type { Pause } from "../../tasks/pause.ts";
import type { Progress } from "./progress.ts";

/** Where a run's trajectory can be read: a link when it is served, else the file on the server. */
export type TrajectoryLink = { url?: string; path?: string };

/** Steering the task got: redirects (received, or applied at the agent's step), and what started this run. */
export type StatusSteering = {
  redirects: { author: string; body: string; applied: boolean }[];
  /** The follow-up this run works on (a retry, a redirect after the end, a review). */
  followUp?: { kind: string; author: string } | undefined;
};

/** Everything the status comment shows about a task. */
export type StatusView = {
  task: Task;
  /** Where the agent is, while the task runs. */
  progress?: Progress;
  /** The pull requests delivered so far, in stack order. */
  parts: PublishedPart[];
  trajectory?: TrajectoryLink;
  /** What a waiting task waits for. */
  pause?: Pick<Pause, "kind" | "subject">;
  /** The last state before the task ended, so the checklist of a failed task stops where it did. */
  stoppedIn?: TaskState;
  steering?: StatusSteering;
  /** How the run is held back by the operator ("limits.usd 50 was capped at 20 …"). */
  notes?: readonly string[];
};
