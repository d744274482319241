import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { FollowUps } from "../../../src/steering/follow-ups/follow-ups.ts";
import type { Task, TaskResult } from "../../../src/tasks/model.ts";
import { InProcessQueue } from "../../../src/tasks/queue.ts";
import type { TaskRunner } from "../../../src/tasks/queue-types.ts";
import { SqliteStore } from "../../../src/tasks/sqlite-store.ts";
import { expectLoggedWarning } from "../../helpers/logged-problems.ts";
import { silentLog } from "../../helpers/probot.ts";
import { newTask } from "../../tasks/support/new-task.ts";

const DONE: TaskResult = { outcome: "no-changes", summary: "ran", spend: { steps: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, reasoningTokens: 0, costUsd: 0, minutes: 0 } };
let store: SqliteStore;
let clock: Date;
beforeEach(async () => {
  store = new SqliteStore({ dataDir: ":memory:", now: () => clock });
  clock = new Date("2026-11-22T10:00:00.000Z");
});
afterEach(async () => await store.close());

/** A task that ran once and ended done. */
async function endedTask(issueNumber = 7): Promise<Task> {
  const { task } = await store.createTask(newTask({ issueNumber }));
  await store.transition(task.id, "preparing");
  await store.transition(task.id, "running");
  return await store.transition(task.id, "done", { result: DONE });
}

/** A queue whose runner records the follow-up each run took, and the follow-up service listening to it. */
function system() {
  const taken: unknown[] = [];
  const gate = { open: Promise.resolve(), running: 0, most: 0 };
  const runner: TaskRunner = async ({ task, run, moveTo }) => {
    gate.running += 1;
    gate.most = Math.max(gate.most, gate.running);
    taken.push((await store.takeFollowUp(task.id, run.id))?.data ?? "fresh");
    await moveTo("preparing");
    await moveTo("running");
    await gate.open;
    gate.running -= 1;
    return DONE;
  };
  const queue = new InProcessQueue({ store, runner, concurrency: 1, listener: (task): Promise<void> => followUps.onTaskChanged(task) });
  const followUps: FollowUps = new FollowUps({ store, queue, log: silentLog, now: () => clock });
  return { queue, followUps, taken, gate };
}

describe("follow-ups", () => {
  test("two follow-ups for an ended task at once: one starts the next run, the other waits behind it, and both run in order", async () => {
    const task = await endedTask();
    const { queue, followUps, taken } = system();
    await queue.start();

    const answers = await Promise.all([
      followUps.request({ taskId: task.id, kind: "redirect", author: "mona", data: { text: "first" } }),
      followUps.request({ taskId: task.id, kind: "redirect", author: "lisa", data: { text: "second" } }),
    ]);
    await queue.idle();

    expect(answers.map((answer) => answer.kind).sort()).toEqual(["queued", "started"]);
    expect(taken).toEqual([{ text: "first" }, { text: "second" }]);
    expect(await store.openFollowUps(task.id)).toEqual([]);
  });

  test("a follow-up for an ended task starts its next run at once, with the follow-up taken by that run", async () => {
    const task = await endedTask();
    const { queue, followUps, taken } = system();
    await queue.start();

    const answer = await followUps.request({ taskId: task.id, kind: "redirect", author: "mona", data: { text: "go" } });
    await queue.idle();

    expect(answer.kind).toBe("started");
    expect(taken).toEqual([{ text: "go" }]);
    expect((await store.getTask(task.id))?.state).toBe("done");
    expect(await store.listRuns(task.id)).toHaveLength(1);
    expect(await store.openFollowUps(task.id)).toEqual([]);
  });

  test("two reviews in quick succession run one after the other, in order, never together", async () => {
    const task = await endedTask();
    const { queue, followUps, taken, gate } = system();
    await queue.start();
    let open = () => {};
    gate.open = new Promise((resolve) => (open = resolve));

    const first = await followUps.request({ taskId: task.id, kind: "review", author: "a", data: { review: 1 } });
    const second = await followUps.request({ taskId: task.id, kind: "review", author: "b", data: { review: 2 } });
    open();
    // The second run starts from the first one's end, through the listener, before the queue is idle.
    await queue.idle();

    expect([first.kind, second.kind]).toEqual(["started", "queued"]);
    expect(taken).toEqual([{ review: 1 }, { review: 2 }]);
    expect((await store.listRuns(task.id)).map((run) => run.number)).toEqual([1, 2]);
    expect(await store.openFollowUps(task.id)).toEqual([]);
    expect(gate.most).toBe(1);
  });

  test("feedback in one batch gathers into one follow-up until its window closes", async () => {
    const task = await endedTask();
    const { followUps } = system();
    const merge = (existing: unknown) => ({ ids: [...(existing as { ids: number[] }).ids, 2] });

    const first = await followUps.request({ taskId: task.id, kind: "review", author: "a", data: { ids: [1] }, batch: "pull-3", delayMs: 20_000 });
    const second = await followUps.request({ taskId: task.id, kind: "review", author: "a", data: { ids: [2] }, batch: "pull-3", delayMs: 20_000, merge });
    followUps.stop();

    expect([first.kind, second.kind]).toEqual(["scheduled", "scheduled"]);
    expect(await store.openFollowUps(task.id)).toMatchObject([{ data: { ids: [1, 2] }, readyAt: "2026-11-22T10:00:20.000Z" }]);
    expect((await store.getTask(task.id))?.state).toBe("done");
  });

  test("once the window has passed, a release starts the run", async () => {
    const task = await endedTask();
    const { queue, followUps, taken } = system();
    await queue.start();
    await followUps.request({ taskId: task.id, kind: "review", author: "a", data: { ids: [1] }, batch: "pull-3", delayMs: 20_000 });
    followUps.stop();

    clock = new Date("2026-11-22T10:00:21.000Z");
    const released = await followUps.release(task.id);
    await queue.idle();

    expect(released.kind).toBe("started");
    expect(taken).toEqual([{ ids: [1] }]);
  });

  test("a follow-up for a task whose issue has another active task is dropped and says which", async () => {
    const task = await endedTask();
    const other = (await store.createTask(newTask())).task;
    const { followUps } = system();

    const answer = await followUps.request({ taskId: task.id, kind: "retry", author: "a", data: {} });

    expect(answer).toMatchObject({ kind: "blocked", other: { id: other.id } });
    expect(await store.openFollowUps(task.id)).toEqual([]);
  });

  test("a task made for the issue between the check and the reopen blocks the follow-up as if the check had seen it", async () => {
    const task = await endedTask();
    const { queue } = system();
    let other: Task | undefined;
    // Another handler creates the issue's new task while this one is between its reads and the reopen.
    const racing = {
      reopen: async (taskId: number, reason: string) => {
        other = (await store.createTask(newTask())).task;
        return queue.reopen(taskId, reason);
      },
    };
    const followUps = new FollowUps({ store, queue: racing, log: silentLog, now: () => clock });

    const answer = await followUps.request({ taskId: task.id, kind: "retry", author: "a", data: {} });

    expect(answer).toMatchObject({ kind: "blocked", other: { id: other?.id } });
    expect(await store.openFollowUps(task.id)).toEqual([]);
  });

  test("a batch whose window closes while the issue has another active task is dropped, not left behind", async () => {
    const task = await endedTask();
    const { followUps } = system();
    await followUps.request({ taskId: task.id, kind: "review", author: "a", data: {}, batch: "pull-3", delayMs: 20_000 });
    followUps.stop();
    await store.createTask(newTask());
    clock = new Date("2026-11-22T10:00:21.000Z");
    expectLoggedWarning(/Dropped follow-ups: the issue has another active task/);

    await followUps.start();

    expect(await store.openFollowUps(task.id)).toEqual([]);
    expect((await store.getTask(task.id))?.state).toBe("done");
  });

  test("after a restart, follow-ups left waiting start", async () => {
    const task = await endedTask();
    await store.addFollowUp(task.id, { kind: "retry", author: "a", data: {} });
    const { queue, followUps, taken } = system();
    await queue.start();

    await followUps.start();
    await queue.idle();

    expect(taken).toEqual([{}]);
  });

  test("a run cut off by a crash leaves its follow-up open, so the next run takes it again", async () => {
    const task = await endedTask();
    await store.addFollowUp(task.id, { kind: "redirect", author: "a", data: { text: "x" } });
    await store.transition(task.id, "queued");
    const crashed = await store.startRun(task.id);
    expect(await store.takeFollowUp(task.id, crashed.id)).toMatchObject({ data: { text: "x" } });
    await store.endRuns(task.id, { interrupted: true });

    const next = await store.startRun(task.id);
    expect(await store.takeFollowUp(task.id, next.id)).toMatchObject({ data: { text: "x" }, runId: next.id });
  });
});
