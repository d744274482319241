import type { GitHub } from "../../github/platform.ts";
import type { AccountOf } from "../../github/ferry-account.ts";
import type { Log } from "../../logger.ts";
import { isTerminal, type Task, type TaskState, type PublishedPart } from "../../tasks/model.ts";
import type { Pause } from "../../tasks/pause.ts";
import type { TaskListener } from "../../tasks/queue-types.ts";
import { systemClock, type Clock } from "./clock.ts";
import { CoalescedEdits } from "./coalesced-edits.ts";
import type { LiveProgress } from "./progress-board.ts";
import { publicTrajectory } from "./public-trajectory.ts";
import { writeStatusComment } from "./publish-status.ts";
import { reportEnding } from "./report-ending.ts";
import { renderStatusComment } from "./status-comment.ts";
import type { StatusSteering, StatusView, TrajectoryLink } from "./status-view.ts";

export type ClientFor = (installationId: number) => Promise<GitHub>;

export type StatusReporterOptions = {
  clientFor: ClientFor;
  /** Ferry's bot account: a marked comment by anyone else is never edited. */
  account: AccountOf;
  log: Log;
  /** The pull requests delivered for a task so far, in stack order. */
  partsOf: (taskId: number) => Promise<PublishedPart[]>;
  trajectoryOf?: (taskId: number) => Promise<TrajectoryLink | undefined>;
  /** What a waiting task waits for (Store.getPause). */
  pauseOf?: (taskId: number) => Promise<Pick<Pause, "kind" | "subject"> | undefined>;
  progress: LiveProgress;
  /** Redirects and the follow-up of the current run, for the steering section. */
  steeringOf?: (taskId: number) => Promise<StatusSteering | undefined>;
  /** The task's ending (last edit, reaction, check run) reached GitHub; a restart need not send it again. */
  onEndingReported?: (taskId: number) => Promise<void>;
  /** Least time between two edits of a running task's comment. Default 10 s. */
  intervalMs?: number;
  clock?: Clock;
};

export type StatusReporter = {
  /** For the queue: called after every state change. */
  listener: TaskListener;
  /** Sends a task's waiting edit now; resolves when its edits are done. */
  flush(taskId: number): Promise<void>;
  /** Drops waiting edits and stops listening to progress. */
  close(): void;
};

type TaskStatus = { task: Task; stoppedIn?: TaskState; lastBody?: string; ended: boolean; edits: CoalescedEdits };

/**
 * Keeps each task's status comment current without flooding the issue: the first edit at once,
 * then at most one per interval while the task runs, and its ending at once, as the last edit,
 * with the reaction and the check run.
 */
export function createStatusReporter(options: StatusReporterOptions): StatusReporter {
  const { clientFor, log, progress } = options;
  const intervalMs = options.intervalMs ?? 10_000;
  const clock = options.clock ?? systemClock;
  const statuses = new Map<number, TaskStatus>();

  const viewOf = async (status: TaskStatus): Promise<StatusView> => {
    // The task and where it stopped as they are now: the listener may replace them while the store is read.
    const { task, stoppedIn } = status;
    const { id, state } = task;
    const pause = state === "waiting" ? await options.pauseOf?.(id) : undefined;
    const parts = await options.partsOf(id);
    const steering = await options.steeringOf?.(id);
    // The comment, the check run and the reaction see no server path (publicTrajectory).
    const trajectory = publicTrajectory(await options.trajectoryOf?.(id));
    const notes = progress.notesOf(id);
    return { task, progress: progress.get(id), parts, trajectory, pause, stoppedIn, steering, notes };
  };

  /** Resolves with whether the comment shows the task as it is now. */
  async function edit(status: TaskStatus): Promise<boolean> {
    const { task } = status;
    try {
      const body = renderStatusComment(await viewOf(status));
      if (body === status.lastBody) return true;
      await writeStatusComment(await clientFor(task.repo.installationId), task, body, options.account);
      status.lastBody = body;
      return true;
    } catch (error) {
      log.warn({ err: error, task: task.id, state: task.state }, "could not update the status comment");
      return false;
    }
  }

  async function reportEnd(status: TaskStatus): Promise<boolean> {
    const { task } = status;
    try {
      return await reportEnding(await clientFor(task.repo.installationId), await viewOf(status), log);
    } catch (error) {
      log.warn({ err: error, task: task.id, state: task.state }, "could not report the end of the task");
      return false;
    }
  }

  function statusOf(task: Task): TaskStatus {
    const known = statuses.get(task.id);
    if (known) {
      if (!isTerminal(known.task.state)) known.stoppedIn = known.task.state;
      known.task = task;
      return known;
    }
    const failed = (error: unknown) =>
      log.error({ err: error, task: status.task.id, state: status.task.state }, "status comment work failed; the next edit still goes out");
    const status: TaskStatus = { task, ended: false, edits: new CoalescedEdits(async () => void (await edit(status)), intervalMs, clock, failed) };
    statuses.set(task.id, status);
    return status;
  }

  function end(status: TaskStatus): Promise<void> {
    status.ended = true;
    status.edits.cancel();
    const { id } = status.task;
    return status.edits.then(async () => {
      try {
        const edited = await edit(status);
        const reported = await reportEnd(status);
        if (edited && reported) await options.onEndingReported?.(id);
      } finally {
        // Even when recording the report threw: an ended status left behind would ignore the task's next run.
        progress.clear(id);
        if (statuses.get(id) === status) statuses.delete(id);
      }
    });
  }

  const stopListening = progress.listen((taskId) => {
    const status = statuses.get(taskId);
    if (status && !status.ended) void status.edits.soon();
  });

  return {
    listener: async (task) => {
      if (statuses.get(task.id)?.ended) return;
      const status = statusOf(task);
      if (isTerminal(task.state)) return end(status);
      // A new run starts from scratch: what the last one's agent did is no longer news.
      if (task.state === "queued" || task.state === "preparing") progress.clear(task.id);
      return status.edits.soon();
    },
    flush: (taskId) => statuses.get(taskId)?.edits.flush() ?? Promise.resolve(),
    close: () => {
      stopListening();
      for (const status of statuses.values()) status.edits.cancel();
    },
  };
}
