import { afterEach, beforeEach, expect, test } from "@jest/globals";
import pg from "pg";
import { PostgresProgress } from "../../../src/delivery/status/postgres-progress.ts";
import { TOUCH_CHANNEL } from "../../../src/delivery/status/touch-channel.ts";
import type { Log } from "../../../src/logger.ts";
import { createPool } from "../../../src/tasks/postgres/pool.ts";
import { openPostgresStore } from "../../../src/tasks/postgres/postgres-store.ts";
import { describeWithPostgres, useCluster } from "../../helpers/postgres.ts";
import { newTask } from "../../tasks/support/new-task.ts";

const quietLog: Log = { info: () => {}, warn: () => {}, error: () => {} };

async function eventually<T>(read: () => Promise<T> | T, check: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describeWithPostgres("live progress across processes (PostgreSQL)", () => {
  const cluster = useCluster();
  let url: string;
  let taskId: number;
  let closers: (() => Promise<void>)[];

  beforeEach(async () => {
    url = await cluster().createDatabase();
    closers = [];
    const store = await openPostgresStore({ url });
    closers.push(() => store.close());
    taskId = (await store.createTask(newTask())).task.id;
  });
  afterEach(async () => {
    for (const close of closers.reverse()) await close();
  });

  /** A process of its own: its own pool, and a listener when it runs tasks. Counts its row writes. */
  async function process(options: { listen: boolean; minIntervalMs?: number }) {
    const pool = createPool({ url, max: 2 });
    let writes = 0;
    const db = {
      query: (text: string, values?: unknown[]) => {
        if (text.includes("INSERT INTO")) writes += 1;
        return pool.query(text, values);
      },
    };
    const progress = await PostgresProgress.open({ db, url, log: quietLog, ...options });
    closers.push(async () => {
      await progress.close();
      await pool.end();
    });
    return { progress, writes: () => writes };
  }

  test("progress a worker sets is read by a server", async () => {
    const worker = await process({ listen: true });
    const server = await process({ listen: false });
    worker.progress.set(taskId, { phase: "working", step: 3, lastAction: "ran `npm test`", tokens: 1200, costUsd: 0.02 });
    expect(await eventually(() => server.progress.read(taskId), (value) => value !== undefined)).toEqual({ phase: "working", step: 3, lastAction: "ran `npm test`", tokens: 1200, costUsd: 0.02 });
  });

  test("a chatty agent is written at most once per interval, and its last value is the one kept", async () => {
    const worker = await process({ listen: true, minIntervalMs: 300 });
    const server = await process({ listen: false });
    for (let step = 1; step <= 50; step += 1) {
      worker.progress.set(taskId, { phase: "working", step });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await eventually(() => server.progress.read(taskId), (value) => value?.step === 50)).toEqual({ phase: "working", step: 50 });
    // About 0.5 s of sets at one write per 300 ms: the first at once, then one per interval, the last included.
    expect(worker.writes()).toBeLessThanOrEqual(4);
  });

  test("clearing a task's progress removes it for every server, after any write still under way", async () => {
    const worker = await process({ listen: true });
    const server = await process({ listen: false });
    worker.progress.set(taskId, { phase: "setup", step: 0 });
    worker.progress.note(taskId, ["steps capped at 40"]);
    await eventually(() => server.progress.read(taskId), (value) => value !== undefined);
    // Inside the interval: this write waits, and the clear must win over it.
    worker.progress.set(taskId, { phase: "working", step: 1 });
    worker.progress.clear(taskId);
    await worker.progress.flush();
    expect(await server.progress.read(taskId)).toBeUndefined();
  });

  test("a touch on a server reaches the listener of the worker running the task", async () => {
    const worker = await process({ listen: true });
    const server = await process({ listen: false });
    const heard: number[] = [];
    worker.progress.listen((touched) => heard.push(touched));
    server.progress.touch(taskId);
    expect(await eventually(() => heard, (value) => value.length > 0)).toEqual([taskId]);
  });

  test("a NOTIFY on the channel that is not a task id is ignored", async () => {
    const worker = await process({ listen: true });
    const heard: number[] = [];
    worker.progress.listen((touched) => heard.push(touched));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const payload of ["", "12; DROP TABLE ferry.tasks", "-1", "1e3", "9".repeat(16)]) await client.query("SELECT pg_notify($1, $2)", [TOUCH_CHANNEL.name, payload]);
      await client.query("SELECT pg_notify($1, $2)", [TOUCH_CHANNEL.name, String(taskId)]);
    } finally {
      await client.end();
    }
    expect(await eventually(() => heard, (value) => value.length > 0)).toEqual([taskId]);
  });

  test("a row that is not a progress is not shown", async () => {
    const server = await process({ listen: false });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`INSERT INTO ferry.live_progress (task_id, progress, notes, updated_at) VALUES ($1, '{"phase":"pwned","step":-1}', '[]', now())`, [taskId]);
    } finally {
      await client.end();
    }
    expect(await server.progress.read(taskId)).toBeUndefined();
  });
});
