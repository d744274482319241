import { afterEach, beforeEach, expect, test } from "@jest/globals";
import type { Log } from "../../src/logger.ts";
import { openBoss } from "../../src/tasks/pg-boss/open-boss.ts";
import { PgBossQueue, TASK_QUEUE } from "../../src/tasks/pg-boss/pg-boss-queue.ts";
import { openPostgresStore } from "../../src/tasks/postgres/postgres-store.ts";
import type { PostgresStore } from "../../src/tasks/postgres/postgres-store.ts";
import type { Task } from "../../src/tasks/model.ts";
import { describeWithPostgres, useCluster } from "../helpers/postgres.ts";
import { controlledRunner, moveToDelivering } from "./support/controlled-runner.ts";
import { newTask } from "./support/new-task.ts";

const quietLog: Log = { info: () => {}, warn: () => {}, error: () => {} };

/** Polls until `check` holds; the store is read from outside, as another machine would. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the condition");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeWithPostgres("the pg-boss task queue", () => {
  const cluster = useCluster();
  let url: string;
  let closers: (() => Promise<void>)[];

  beforeEach(async () => {
    url = await cluster().createDatabase();
    closers = [];
  });
  afterEach(async () => {
    for (const close of closers.reverse()) await close();
  });

  async function store(): Promise<PostgresStore> {
    const opened = await openPostgresStore({ url });
    closers.push(() => opened.close());
    return opened;
  }

  /** A process: its own store connection, its own pg-boss, a worker when given a runner. */
  async function process(options: { runner?: ReturnType<typeof controlledRunner>; concurrency?: number; listener?: (task: Task) => Promise<void>; log?: Log } = {}) {
    const processStore = await store();
    const boss = await openBoss({ url, log: quietLog, checkEverySeconds: 1 });
    const queue = new PgBossQueue({
      store: processStore,
      boss,
      databaseUrl: url,
      log: options.log ?? quietLog,
      listener: options.listener,
      work: options.runner ? { runner: options.runner.runner, concurrency: options.concurrency ?? 1 } : undefined,
      heartbeatSeconds: 10,
      watchMs: 200,
      resendMs: 300,
    });
    await queue.start();
    closers.push(async () => {
      await queue.stop();
      await boss.stop({ graceful: false, close: true });
    });
    return { store: processStore, boss, queue };
  }

  test("a task enqueued on a server runs on a worker and ends with its result", async () => {
    const server = await process();
    const runner = controlledRunner();
    await process({ runner });
    const { task } = await server.store.createTask(newTask());
    await server.queue.enqueue(task.id);
    await moveToDelivering(await runner.started(task.id));
    runner.finish(task.id);
    await eventually(async () => (await server.store.getTask(task.id))?.state === "done");
    expect(runner.calls).toEqual([task.id]);
  }, 30_000);

  test("tasks spread over two workers, each runs once", async () => {
    const server = await process();
    const one = controlledRunner();
    const two = controlledRunner();
    await process({ runner: one });
    await process({ runner: two });
    const ids: number[] = [];
    for (let issue = 1; issue <= 4; issue += 1) ids.push((await server.store.createTask(newTask({ issueNumber: issue }))).task.id);
    for (const id of ids) await server.queue.enqueue(id);
    // Each worker holds one task until the test ends it, so the second task must go to the other worker.
    await eventually(async () => one.running() === 1 && two.running() === 1);
    // Whichever worker starts a task finishes it; the other's slot for it is never used.
    for (const id of ids) {
      void Promise.race([one.started(id), two.started(id)]).then(async (context) => {
        await moveToDelivering(context);
        one.finish(id);
        two.finish(id);
      });
    }
    await eventually(async () => (await server.store.listTasks(["done"])).length === 4);
    expect([...one.calls, ...two.calls].sort()).toEqual([...ids].sort());
    expect(one.calls.length).toBeGreaterThan(0);
    expect(two.calls.length).toBeGreaterThan(0);
  }, 30_000);

  test("a cancel on a server aborts the run on the worker that holds the task within two seconds", async () => {
    const server = await process();
    const runner = controlledRunner();
    const worker = await process({ runner });
    const { task } = await server.store.createTask(newTask());
    await server.queue.enqueue(task.id);
    const context = await runner.started(task.id);
    await context.moveTo("preparing");
    const began = Date.now();
    const cancelled = await server.queue.cancel(task.id, "stopped by monalisa");
    expect(cancelled?.state).toBe("cancelled");
    await eventually(async () => context.signal.aborted, 2_000);
    expect(Date.now() - began).toBeLessThan(2_000);
    await worker.queue.idle();
    expect((await server.store.listRuns(task.id)).every((run) => run.endedAt !== null)).toBe(true);
  }, 30_000);

  test("a worker that stops mid-run leaves its task to another worker, which resumes it", async () => {
    const server = await process();
    const first = controlledRunner();
    const firstWorker = await process({ runner: first });
    const { task } = await server.store.createTask(newTask());
    await server.queue.enqueue(task.id);
    await (await first.started(task.id)).moveTo("preparing");
    await firstWorker.queue.stop();
    const second = controlledRunner();
    const warnings: string[] = [];
    await process({ runner: second, log: { ...quietLog, warn: (_fields: unknown, message?: string) => void warnings.push(message ?? "") } });
    const resumed = await second.started(task.id, 2);
    await moveToDelivering(resumed);
    second.finish(task.id, undefined, 2);
    await eventually(async () => (await server.store.getTask(task.id))?.state === "done");
    const events = await server.store.listEvents(task.id);
    expect(events.some((event) => event.type === "interrupted")).toBe(true);
    expect(warnings).toContain("Resumed a task whose worker stopped or died");
  }, 40_000);

  test("a worker that died holding a task (no heartbeats) loses it to a live worker", async () => {
    const server = await process();
    const { task } = await server.store.createTask(newTask());
    await server.queue.enqueue(task.id);
    // A worker that took the job, started the run and died: its claim is never refreshed.
    const [job] = await server.boss.fetch(TASK_QUEUE);
    expect(job).toBeDefined();
    await server.store.startRun(task.id);
    await server.store.transition(task.id, "preparing");
    const runner = controlledRunner();
    await process({ runner });
    const resumed = await runner.started(task.id, 2);
    await moveToDelivering(resumed);
    runner.finish(task.id, undefined, 2);
    await eventually(async () => (await server.store.getTask(task.id))?.state === "done");
  }, 60_000);

  test("a follow-up queued while the task runs takes its turn after the run, on the same job", async () => {
    const server = await process();
    const runner = controlledRunner();
    await process({ runner });
    const { task } = await server.store.createTask(newTask());
    await server.queue.enqueue(task.id);
    await moveToDelivering(await runner.started(task.id));
    runner.finish(task.id);
    await eventually(async () => (await server.store.getTask(task.id))?.state === "done");
    await server.queue.reopen(task.id, "a review asked for changes");
    await moveToDelivering(await runner.started(task.id, 2));
    runner.finish(task.id, undefined, 2);
    await eventually(async () => (await server.store.listRuns(task.id)).length === 2 && (await server.store.getTask(task.id))?.state === "done");
    expect(runner.calls).toEqual([task.id, task.id]);
  }, 30_000);

  test("a job without a task id is dropped with an error, and the worker goes on", async () => {
    const errors: unknown[] = [];
    const runner = controlledRunner();
    const worker = await process({ runner, log: { ...quietLog, error: (fields: unknown) => void errors.push(fields) } });
    await worker.boss.send(TASK_QUEUE, { taskId: "nope" });
    await eventually(async () => errors.length === 1);
    const { task } = await worker.store.createTask(newTask());
    await worker.queue.enqueue(task.id);
    await moveToDelivering(await runner.started(task.id));
    runner.finish(task.id);
    await eventually(async () => (await worker.store.getTask(task.id))?.state === "done");
  }, 30_000);
});
