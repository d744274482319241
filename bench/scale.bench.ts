// Scale-out (issue 20): tasks whose time is spent in the sandbox (the scripted model answers at
// once; the repository's test command sleeps), run by 1, 2 and 4 `ferry worker` processes behind
// one `ferry server` on one PostgreSQL database (a cluster of the benchmark's own, as the tests
// start). Prints tasks per minute and the scaling efficiency (throughput at N ÷ (N × throughput
// at 1)), then the queue's added latency (task stored → its run started: the enqueue, pg-boss's
// hand-over and the worker's pick-up) against `ferry start` on SQLite (the in-process queue), and
// the webhook answer p99 with PostgreSQL against SQLite, in the same run.
// Targets (printed, not asserted): efficiency ≥ 0.8 at 4 workers; added latency p95 ≤ 250 ms.
// Run: npm run bench -- scale [--quick] [--workers 1,2,4] [--concurrency 1] [--per-slot 4] [--sleep 5]
import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { startPostgres } from "../test/helpers/postgres-cluster.ts";
import { waitFor } from "../test/helpers/process.ts";
import type { Repository } from "../test/e2e/github-standin/state.ts";
import { AGENT_YML, seedBuggyRepo } from "../test/e2e/support/harness.ts";
import { startScaleOut, type ScaleOut } from "../test/e2e/support/scale-out-world.ts";
import { fixAddStep, markedTitle } from "../test/e2e/support/scale-script.ts";
import { issuesLabeled } from "../test/e2e/support/webhooks.ts";
import { percentile } from "./support/webhook-load/latency.ts";

const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    workers: { type: "string", default: "1,2,4" },
    concurrency: { type: "string" },
    "per-slot": { type: "string" },
    sleep: { type: "string" },
    "latency-only": { type: "boolean", default: false },
  },
});
const QUICK = flags.quick;
const WORKERS = flags["latency-only"] ? [] : flags.workers.split(",").map(Number);
/** Task slots per worker process (FERRY_CONCURRENCY). */
const CONCURRENCY = Number(flags.concurrency ?? "1");
/** Tasks per slot in a throughput round: the round keeps every slot busy for this many tasks. */
const PER_SLOT = Number(flags["per-slot"] ?? (QUICK ? "3" : "6"));
/** Seconds the test command sleeps; the agent runs the tests once and Ferry verifies once, so twice per task. */
const SLEEP_S = Number(flags.sleep ?? (QUICK ? "3" : "5"));
const PROBES = QUICK ? 10 : 30;
const WEBHOOKS = QUICK ? 300 : 1000;
const EFFICIENCY_TARGET = 0.8;
const ADDED_P95_TARGET_MS = 250;

const seed = (world: ScaleOut, name: string, agentYml: string) =>
  seedBuggyRepo({ dir: world.dir, standin: world.standin } as Parameters<typeof seedBuggyRepo>[0], name, agentYml);

/** Every issue has its 🚀 (or 😕: a task that failed counts as done, and is reported). */
async function waitForEndings(world: ScaleOut, repo: Repository, issues: number[], timeoutMs: number): Promise<{ at: number; failed: number }> {
  const at = await waitFor(
    `${issues.length} tasks to end`,
    () => (issues.every((issue) => world.standin.reactionsOn(repo, issue).some((content) => content === "rocket" || content === "confused")) ? Date.now() : undefined),
    timeoutMs,
  );
  return { at, failed: issues.filter((issue) => world.standin.reactionsOn(repo, issue).includes("confused")).length };
}

type Throughput = { workers: number; tasks: number; seconds: number; perMinute: number; failed: number };

/** One round: `workers` worker processes, every slot busy for PER_SLOT tasks; labelled at once. */
async function throughput(databaseUrl: string, workers: number): Promise<Throughput> {
  const world = await startScaleOut({ databaseUrl, servers: 1, workers, script: fixAddStep, env: { FERRY_CONCURRENCY: String(CONCURRENCY) } });
  try {
    const repo = await seed(world, "calc", `base: main\ntest: sleep ${SLEEP_S} && node test.js\n`);
    world.standin.setPermission(repo, "maintainer", "write");
    const tasks = PER_SLOT * CONCURRENCY * workers;
    const issues = Array.from({ length: tasks }, (_, index) => world.standin.addIssue(repo, { title: markedTitle(index + 1), body: "add(2, 3) should be 5.", user: "reporter" }));
    const began = Date.now();
    for (const issue of issues) await world.label(repo, issue, "agent", { login: "maintainer" });
    const ended = await waitForEndings(world, repo, issues.map((issue) => issue.number), 30 * 60_000);
    const seconds = (ended.at - began) / 1000;
    return { workers, tasks, seconds, perMinute: (tasks * 60) / seconds, failed: ended.failed };
  } finally {
    await world.close();
  }
}

type Latencies = { webhookMs: number[]; startMs: number[] };

/**
 * The answer path and the start path of one deployment: `ferry start` on SQLite (no databaseUrl),
 * or a server and one worker on PostgreSQL.
 */
async function latencies(databaseUrl: string | undefined): Promise<Latencies> {
  // More slots than probes: a probe never waits for a slot, so what is measured is the hand-over alone.
  const slots = String(PROBES + 2);
  const world = await startScaleOut({ ...(databaseUrl && { databaseUrl }), servers: 1, workers: 1, script: fixAddStep, env: { FERRY_CONCURRENCY: slots } });
  try {
    const repo = await seed(world, "calc", AGENT_YML);
    world.standin.setPermission(repo, "maintainer", "write");
    // A label that starts nothing: Ferry journals, answers, stores and ignores it. Eight at a time, as GitHub's bursts.
    const quiet = world.standin.addIssue(repo, { title: "not for the agent", user: "reporter", labels: ["bug"] });
    const webhookMs: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < WEBHOOKS) {
          next += 1;
          // A body of its own each: Ferry recognises a body it has seen as a redelivery.
          const payload = issuesLabeled(world.standin, repo, quiet, `bug-${next}`, { login: "maintainer" });
          const sent = performance.now();
          const answer = await world.deliver({ event: "issues", payload });
          if (answer.status !== 200) throw new Error(`a webhook was answered ${answer.status}`);
          webhookMs.push(performance.now() - sent);
        }
      }),
    );
    // Probes one at a time, a second apart: each finds the queue empty and a slot free.
    const probes: number[] = [];
    for (let index = 0; index < PROBES; index += 1) {
      const issue = world.standin.addIssue(repo, { title: markedTitle(100 + index), body: "add(2, 3) should be 5.", user: "reporter" });
      await world.label(repo, issue, "agent", { login: "maintainer" });
      probes.push(issue.number);
      await sleep(1000);
    }
    await waitForEndings(world, repo, probes, 5 * 60_000);
    const startMs = databaseUrl ? await postgresStarts(databaseUrl) : sqliteStarts(join(world.dir, "start-0", "data", "ferry.db"));
    return { webhookMs, startMs };
  } finally {
    await world.close();
  }
}

/**
 * Task stored → its first run started, per task, from the store's own timestamps (one clock: this
 * machine). Each task's hand-over is also split at pg-boss's job (created, then fetched by a worker), printed.
 */
async function postgresStarts(databaseUrl: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const sql = `SELECT t.id, EXTRACT(EPOCH FROM (r.started_at - t.created_at)) * 1000 AS ms,
        EXTRACT(EPOCH FROM (j.created_on - t.created_at)) * 1000 AS to_job, EXTRACT(EPOCH FROM (j.started_on - j.created_on)) * 1000 AS in_queue,
        EXTRACT(EPOCH FROM (r.started_at - j.started_on)) * 1000 AS to_run
      FROM ferry.tasks t JOIN ferry.runs r ON r.task_id = t.id AND r.number = 1
      LEFT JOIN LATERAL (SELECT created_on, started_on FROM ferry_queue.job WHERE name = 'ferry-tasks' AND (data->>'taskId')::bigint = t.id ORDER BY created_on LIMIT 1) j ON true
      ORDER BY t.id`;
    const rows = (await client.query<{ id: string; ms: string; to_job: string | null; in_queue: string | null; to_run: string | null }>(sql)).rows;
    const part = (value: string | null) => (value === null ? "?" : String(Math.round(Number(value))));
    console.log(`  pg-boss hand-over per task (stored → job created / job waiting / job fetched → run started, ms): ${rows.map((row) => `#${row.id} ${part(row.to_job)}/${part(row.in_queue)}/${part(row.to_run)}`).join(", ")}`);
    return rows.map((row) => Number(row.ms));
  } finally {
    await client.end();
  }
}

function sqliteStarts(file: string): number[] {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const rows = db.prepare("SELECT t.created_at AS created, r.started_at AS started FROM tasks t JOIN runs r ON r.task_id = t.id AND r.number = 1").all();
    return rows.map((row) => Date.parse(String(row.started)) - Date.parse(String(row.created)));
  } finally {
    db.close();
  }
}

const sorted = (values: number[]) => values.toSorted((a, b) => a - b);
const ms = (value: number) => `${Math.round(value)} ms`;

const cluster = await startPostgres();
try {
  console.log(`scale-out${QUICK ? " (--quick)" : ""}: test command \`sleep ${SLEEP_S} && node test.js\`, ${CONCURRENCY} slot(s) per worker, ${PER_SLOT} tasks per slot; PostgreSQL of its own (started in ${cluster.startedInMs} ms)`);
  console.log("  the answer and start paths, SQLite (`ferry start`, in-process queue) then PostgreSQL (a server and a worker) …");
  const sqlite = await latencies(undefined);
  const postgres = await latencies(await cluster.createDatabase());

  const rounds: Throughput[] = [];
  for (const workers of WORKERS) {
    const round = await throughput(await cluster.createDatabase(), workers);
    rounds.push(round);
    console.log(`  ${workers} worker(s): ${round.tasks} tasks in ${round.seconds.toFixed(1)} s → ${round.perMinute.toFixed(1)} tasks/min${round.failed ? ` (${round.failed} ended 😕)` : ""}`);
  }

  const one = rounds.find((round) => round.workers === 1);
  console.log("\n  workers   tasks   seconds   tasks/min   efficiency (tasks/min ÷ (N × tasks/min at 1))");
  for (const round of rounds) {
    const efficiency = one ? round.perMinute / (round.workers * one.perMinute) : Number.NaN;
    console.log(`  ${String(round.workers).padStart(7)}${String(round.tasks).padStart(8)}${round.seconds.toFixed(1).padStart(10)}${round.perMinute.toFixed(1).padStart(12)}   ${efficiency.toFixed(2)}`);
  }
  const four = rounds.find((round) => round.workers === 4);
  if (one && four) {
    const efficiency = four.perMinute / (4 * one.perMinute);
    console.log(`  efficiency at 4 workers: ${efficiency.toFixed(2)} (target ≥ ${EFFICIENCY_TARGET}); target met: ${efficiency >= EFFICIENCY_TARGET ? "yes" : "no"}`);
  }

  const [pgStart, sqliteStart] = [sorted(postgres.startMs), sorted(sqlite.startMs)];
  const added = { p50: percentile(pgStart, 0.5) - percentile(sqliteStart, 0.5), p95: percentile(pgStart, 0.95) - percentile(sqliteStart, 0.95) };
  console.log(`\n  task stored → run started, each probe (ms): pg-boss ${pgStart.map(Math.round).join(", ")}; in-process ${sqliteStart.map(Math.round).join(", ")}`);
  console.log(`  task stored → run started, ${PROBES} probes each: pg-boss p50 ${ms(percentile(pgStart, 0.5))} / p95 ${ms(percentile(pgStart, 0.95))}; in-process p50 ${ms(percentile(sqliteStart, 0.5))} / p95 ${ms(percentile(sqliteStart, 0.95))}`);
  console.log(`  queue's added latency: p50 ${ms(added.p50)}, p95 ${ms(added.p95)} (target p95 ≤ ${ADDED_P95_TARGET_MS} ms); target met: ${added.p95 <= ADDED_P95_TARGET_MS ? "yes" : "no"}`);

  const [pgHooks, sqliteHooks] = [sorted(postgres.webhookMs), sorted(sqlite.webhookMs)];
  console.log(
    `\n  webhook answer, ${WEBHOOKS} deliveries 8 at a time: PostgreSQL p50 ${percentile(pgHooks, 0.5).toFixed(1)} / p99 ${percentile(pgHooks, 0.99).toFixed(1)} ms; SQLite p50 ${percentile(sqliteHooks, 0.5).toFixed(1)} / p99 ${percentile(sqliteHooks, 0.99).toFixed(1)} ms (p99 ratio ${(percentile(pgHooks, 0.99) / percentile(sqliteHooks, 0.99)).toFixed(2)}×)`,
  );
} finally {
  await cluster.stop();
}
// The stand-ins' keep-alive sockets and pg-boss timers must not hold the benchmark open.
process.exit(0);
