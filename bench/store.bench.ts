// How much the SqliteStore costs over bare SQLite for the writes every task makes:
// one createTask and four transitions, against the same number of plain prepared
// INSERT and UPDATE statements on a bare WAL database, measured in the same run.
// Run: node bench/store.bench.ts [N]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { DatabaseSync } from "node:sqlite";
import type { NewTask } from "../src/tasks/model.ts";
import { SqliteStore } from "../src/tasks/sqlite-store.ts";

const N = Number(process.argv[2] ?? 5000);
const MOVES = ["preparing", "running", "verifying", "delivering"] as const;
const OPS_PER_TASK = 1 + MOVES.length;

const taskFor = (issueNumber: number): NewTask => ({
  repo: {
    owner: "octo-org",
    name: "widgets",
    installationId: 42,
    cloneUrl: "https://github.com/octo-org/widgets.git",
    defaultBranch: "main",
  },
  issueNumber,
  trigger: "label",
  requester: "monalisa",
});

async function withTempDir(work: (dir: string) => number | Promise<number>): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "ferry-bench-"));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timeStore(count: number): Promise<number> {
  return withTempDir(async (dir) => {
    const store = new SqliteStore({ dataDir: dir });
    const started = performance.now();
    for (let issue = 1; issue <= count; issue += 1) {
      const { task } = await store.createTask(taskFor(issue));
      for (const state of MOVES) await store.transition(task.id, state);
    }
    const elapsed = performance.now() - started;
    await store.close();
    return elapsed;
  });
}

function timeBaseline(count: number): Promise<number> {
  return withTempDir((dir) => {
    const db = new DatabaseSync(join(dir, "baseline.db"));
    db.exec("PRAGMA journal_mode = WAL");
    db.exec(`CREATE TABLE tasks (
      id INTEGER PRIMARY KEY AUTOINCREMENT, owner TEXT, repo TEXT, installation_id INTEGER, clone_url TEXT,
      default_branch TEXT, issue_number INTEGER, "trigger" TEXT, requester TEXT, state TEXT,
      created_at TEXT, updated_at TEXT, result TEXT)`);
    const insert = db.prepare(`INSERT INTO tasks (owner, repo, installation_id, clone_url, default_branch,
      issue_number, "trigger", requester, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)`);
    const update = db.prepare("UPDATE tasks SET state = ?, updated_at = ? WHERE id = ?");
    const started = performance.now();
    for (let issue = 1; issue <= count; issue += 1) {
      const { repo, trigger, requester } = taskFor(issue);
      const at = new Date().toISOString();
      const { lastInsertRowid } = insert.run(
        repo.owner, repo.name, repo.installationId, repo.cloneUrl, repo.defaultBranch, issue, trigger, requester, at, at,
      );
      for (const state of MOVES) update.run(state, new Date().toISOString(), lastInsertRowid);
    }
    const elapsed = performance.now() - started;
    db.close();
    return elapsed;
  });
}

const opsPerSecond = (ms: number): number => Math.round((N * OPS_PER_TASK) / (ms / 1000));
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

// Commits wait on fsync, which is noisy: rounds alternate the two and the medians are compared.
const ROUNDS = 3;
await timeBaseline(200);
await timeStore(200);
const baselineRounds: number[] = [];
const storeRounds: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  baselineRounds.push(opsPerSecond(await timeBaseline(N)));
  storeRounds.push(opsPerSecond(await timeStore(N)));
}
const baseline = median(baselineRounds);
const store = median(storeRounds);

console.log(`tasks: ${N}, writes per task: ${OPS_PER_TASK} (1 create + ${MOVES.length} transitions), file DB in WAL mode`);
console.log(`median of ${ROUNDS} alternating rounds, after a warm-up of both`);
console.log(`baseline (bare prepared INSERT/UPDATE): ${baseline.toLocaleString("en")} ops/s`);
console.log(`SqliteStore (createTask/transition):    ${store.toLocaleString("en")} ops/s`);
console.log(`ratio store / baseline: ${(store / baseline).toFixed(2)}`);
