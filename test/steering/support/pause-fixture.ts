import type { TaskState } from "../../../src/tasks/model.ts";
import { SqliteStore } from "../../../src/tasks/sqlite-store.ts";
import { createTaskPauses } from "../../../src/steering/task-pauses.ts";
import { newTask } from "../../tasks/support/new-task.ts";
import { manualClock } from "./manual-clock.ts";
import { postRecorder } from "./post-recorder.ts";

export const WAIT_MS = 60 * 60_000;

/** A running task in an in-memory store, and its pauses, posting to a recorder and polling every millisecond. */
export async function pauseFixture(options: { pollMs?: number; post?: (body: string) => Promise<void> } = {}) {
  const store = new SqliteStore({ dataDir: ":memory:" });
  const taskId = (await store.createTask(newTask())).task.id;
  for (const state of ["preparing", "running"] as const) await store.transition(taskId, state);
  const clock = manualClock();
  const recorder = postRecorder();
  const moveTo = async (state: TaskState, reason?: string) => await store.transition(taskId, state, { reason });
  const pauses = createTaskPauses({
    store,
    taskId,
    moveTo,
    post: options.post ?? recorder.post,
    waitMs: WAIT_MS,
    pollMs: options.pollMs ?? 1,
    now: clock.now,
  });
  const state = async () => (await store.getTask(taskId))?.state;
  const lastMove = async () => (await store.listEvents(taskId)).filter((event) => event.type === "state").at(-1)?.data;
  return { store, taskId, pauses, clock, recorder, state, lastMove };
}

export type PauseFixture = Awaited<ReturnType<typeof pauseFixture>>;
