import { afterEach, beforeEach, expect, test } from "@jest/globals";
import pg from "pg";
import type { PgBoss } from "pg-boss";
import { pgBossQueues } from "../../src/metrics/pg-boss-sources.ts";
import { createFerryMetrics } from "../../src/metrics/ferry-metrics.ts";
import { openBoss } from "../../src/tasks/pg-boss/open-boss.ts";
import { describeWithPostgres, useCluster } from "../helpers/postgres.ts";
import { valueOf } from "./metric-values.ts";

const quietLog = { warn: () => undefined };

describeWithPostgres("queue metrics from pg-boss's tables", () => {
  const cluster = useCluster();
  let boss: PgBoss;
  let pool: pg.Pool;

  beforeEach(async () => {
    const url = await cluster().createDatabase();
    boss = await openBoss({ url, log: quietLog });
    pool = new pg.Pool({ connectionString: url, max: 1 });
    await boss.createQueue("ferry-tasks");
    await boss.createQueue("ferry-other");
  });
  afterEach(async () => {
    await boss.stop({ graceful: false, close: true });
    await pool.end();
  });

  test("ready jobs are the depth of their queue, and an empty queue is there with 0", async () => {
    await boss.send("ferry-tasks", { taskId: 1 });
    await boss.send("ferry-tasks", { taskId: 2 });
    const stats = await pgBossQueues(pool)();
    expect(stats.map(({ queue, waiting }) => ({ queue, waiting }))).toEqual([
      { queue: "ferry-other", waiting: 0 },
      { queue: "ferry-tasks", waiting: 2 },
    ]);
    expect(stats.find((stat) => stat.queue === "ferry-other")?.oldestWaitingSeconds).toBe(0);
  });

  test("the oldest ready job's age grows while it waits", async () => {
    await boss.send("ferry-tasks", { taskId: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const tasks = (await pgBossQueues(pool)()).find((stat) => stat.queue === "ferry-tasks");
    expect(tasks?.oldestWaitingSeconds).toBeGreaterThanOrEqual(1);
  });

  test("a job deferred to later and a job being worked on are not waiting", async () => {
    await boss.send("ferry-tasks", { taskId: 1 }, { startAfter: 3600 });
    await boss.send("ferry-tasks", { taskId: 2 });
    await boss.fetch("ferry-tasks");
    const tasks = (await pgBossQueues(pool)()).find((stat) => stat.queue === "ferry-tasks");
    expect(tasks?.waiting).toBe(0);
  });

  test("wired as the queues source, they are what GET /metrics reports", async () => {
    await boss.send("ferry-tasks", { taskId: 1 });
    const { registry } = createFerryMetrics({ sources: { queues: pgBossQueues(pool) } });
    expect(await valueOf(registry, "ferry_queue_depth", { queue: "ferry-tasks" })).toBe(1);
  });
});
