import type { DatabaseSync, StatementSync } from "node:sqlite";
import { TERMINAL_STATES } from "./model.ts";

const ENDED = TERMINAL_STATES.map((state) => `'${state}'`).join(", ");

export type Statements = ReturnType<typeof prepareStatements>;

/** Every statement the SQLite store runs, prepared once when the store opens. */
export function prepareStatements(db: DatabaseSync) {
  const prepare = (sql: string): StatementSync => db.prepare(sql);
  return {
    insertTask: prepare(`
      INSERT INTO tasks (owner, repo, installation_id, clone_url, default_branch, issue_number, "trigger",
                         requester, state, created_at, updated_at, result)
      VALUES (:owner, :repo, :installation_id, :clone_url, :default_branch, :issue_number, :trigger,
              :requester, 'queued', :at, :at, NULL)
      RETURNING *`),
    selectTask: prepare("SELECT * FROM tasks WHERE id = ?"),
    upsertIssueSnapshot: prepare(`
      INSERT INTO issue_snapshots (task_id, title, body, approved_by, approved_at) VALUES (:task, :title, :body, :by, :at)
      ON CONFLICT (task_id) DO UPDATE
        SET title = excluded.title, body = excluded.body, approved_by = excluded.approved_by, approved_at = excluded.approved_at`),
    selectIssueSnapshot: prepare("SELECT * FROM issue_snapshots WHERE task_id = ?"),
    // Same condition as the partial unique index, so SQLite answers from it.
    selectActiveTask: prepare(
      `SELECT * FROM tasks WHERE owner = ? AND repo = ? AND issue_number = ? AND state NOT IN (${ENDED})`,
    ),
    selectLatestTask: prepare(
      "SELECT * FROM tasks WHERE owner = ? AND repo = ? AND issue_number = ? ORDER BY id DESC LIMIT 1",
    ),
    selectTaskByPull: prepare(`
      SELECT t.*, p.idx, p.branch, p.number, p.url, p.head_sha FROM parts p JOIN tasks t ON t.id = p.task_id
      WHERE t.owner = ? AND t.repo = ? AND p.number = ? ORDER BY t.id DESC LIMIT 1`),
    selectTasksByState: prepare("SELECT * FROM tasks WHERE state IN (SELECT value FROM json_each(?)) ORDER BY id"),
    updateTaskState: prepare("UPDATE tasks SET state = ?, updated_at = ?, result = ? WHERE id = ? RETURNING *"),
    insertRun: prepare(`
      INSERT INTO runs (task_id, number, started_at)
      VALUES (:task, (SELECT COALESCE(MAX(number), 0) + 1 FROM runs WHERE task_id = :task), :at)
      RETURNING *`),
    selectRuns: prepare("SELECT * FROM runs WHERE task_id = ? ORDER BY number"),
    endRuns: prepare(
      "UPDATE runs SET ended_at = :at, interrupted = :interrupted WHERE task_id = :task AND ended_at IS NULL",
    ),
    insertEvent: prepare(`
      INSERT INTO events (task_id, run_id, at, type, data)
      VALUES (:task, (SELECT id FROM runs WHERE task_id = :task AND ended_at IS NULL ORDER BY id DESC LIMIT 1),
              :at, :type, :data)
      RETURNING *`),
    selectEvents: prepare("SELECT * FROM events WHERE task_id = ? ORDER BY id"),
    insertInbox: prepare(
      "INSERT INTO inbox (task_id, kind, author, body, received_at) VALUES (?, ?, ?, ?, ?) RETURNING *",
    ),
    takeInbox: prepare(`
      UPDATE inbox SET delivered_at = ?
      WHERE task_id = ? AND delivered_at IS NULL AND kind IN (SELECT value FROM json_each(?))
      RETURNING *`),
    selectInbox: prepare("SELECT * FROM inbox WHERE task_id = ? ORDER BY id"),
    insertFollowUp: prepare(`
      INSERT INTO followups (task_id, kind, author, data, batch, created_at, ready_at)
      VALUES (:task, :kind, :author, :data, :batch, :at, :readyAt)
      RETURNING *`),
    selectOpenBatch: prepare(
      "SELECT * FROM followups WHERE task_id = ? AND batch = ? AND done_at IS NULL AND run_id IS NULL ORDER BY id LIMIT 1",
    ),
    updateFollowUp: prepare("UPDATE followups SET data = ?, ready_at = ? WHERE id = ? RETURNING *"),
    selectOpenFollowUps: prepare("SELECT * FROM followups WHERE task_id = ? AND done_at IS NULL ORDER BY id"),
    takeFollowUp: prepare(`
      UPDATE followups SET run_id = :run
      WHERE id = (SELECT id FROM followups WHERE task_id = :task AND done_at IS NULL AND ready_at <= :at ORDER BY id LIMIT 1)
      RETURNING *`),
    settleFollowUps: prepare("UPDATE followups SET done_at = ? WHERE task_id = ? AND done_at IS NULL AND run_id IS NOT NULL"),
    dropFollowUps: prepare("UPDATE followups SET done_at = ? WHERE task_id = ? AND done_at IS NULL"),
    selectTasksWithOpenFollowUps: prepare(
      "SELECT DISTINCT task_id FROM followups WHERE done_at IS NULL AND run_id IS NULL ORDER BY task_id",
    ),
    insertSweep: prepare("INSERT OR IGNORE INTO sweeps (owner, repo, due_at, claimed_at) VALUES (?, ?, ?, ?)"),
    selectSpentSince: prepare(`
      SELECT COALESCE(SUM(json_extract(e.data, '$.result.spend.costUsd')), 0) AS usd
      FROM events e JOIN tasks t ON t.id = e.task_id
      WHERE t.owner = ? AND t.repo = ? AND e.type = 'state' AND e.at >= ?
        AND json_extract(e.data, '$.to') IN (${ENDED})`),
    upsertPause: prepare(`
      INSERT INTO pauses (task_id, kind, subject, since, deadline) VALUES (:task, :kind, :subject, :since, :deadline)
      ON CONFLICT (task_id) DO UPDATE
        SET kind = excluded.kind, subject = excluded.subject, since = excluded.since, deadline = excluded.deadline
      RETURNING *`),
    selectPause: prepare("SELECT * FROM pauses WHERE task_id = ?"),
    deletePause: prepare("DELETE FROM pauses WHERE task_id = ?"),
    deleteParts: prepare("DELETE FROM parts WHERE task_id = ?"),
    insertPart: prepare(
      "INSERT INTO parts (task_id, idx, branch, number, url, head_sha) VALUES (:task, :idx, :branch, :number, :url, :headSha)",
    ),
    selectParts: prepare("SELECT * FROM parts WHERE task_id = ? ORDER BY idx"),
    upsertPushedBranch: prepare(`
      INSERT INTO pushed_branches (owner, repo, branch, sha, pushed_at) VALUES (:owner, :repo, :branch, :sha, :at)
      ON CONFLICT (owner, repo, branch) DO UPDATE SET sha = excluded.sha, pushed_at = excluded.pushed_at`),
    deletePushedBranch: prepare("DELETE FROM pushed_branches WHERE owner = ? AND repo = ? AND branch = ?"),
    selectPushedBranch: prepare("SELECT sha FROM pushed_branches WHERE owner = ? AND repo = ? AND branch = ?"),
    selectDelivery: prepare("SELECT 1 FROM deliveries WHERE id = ?"),
    insertDelivery: prepare("INSERT OR IGNORE INTO deliveries (id, event, seen_at) VALUES (?, ?, ?)"),
    // A delivery already handled (in `deliveries`) or already waiting is not accepted twice; nor
    // is its body under another id (a replay), handled (in `delivery_bodies`) or waiting.
    insertBacklog: prepare(`
      INSERT OR IGNORE INTO backlog (id, event, payload, received_at, body_hash)
      SELECT :id, :event, :payload, :at, :hash
      WHERE NOT EXISTS (SELECT 1 FROM deliveries WHERE id = :id)
        AND NOT EXISTS (SELECT 1 FROM delivery_bodies WHERE hash = :hash)
        AND NOT EXISTS (SELECT 1 FROM backlog WHERE body_hash = :hash)`),
    deleteDeliveriesSeenBefore: prepare("DELETE FROM deliveries WHERE seen_at < ?"),
    insertDeliveryBody: prepare("INSERT OR IGNORE INTO delivery_bodies (hash, seen_at) SELECT body_hash, ? FROM backlog WHERE id = ? AND body_hash IS NOT NULL"),
    deleteDeliveryBodiesSeenBefore: prepare("DELETE FROM delivery_bodies WHERE seen_at < ?"),
    selectBacklog: prepare("SELECT * FROM backlog ORDER BY rowid"),
    selectBacklogDelivery: prepare("SELECT * FROM backlog WHERE id = ?"),
    deleteBacklog: prepare("DELETE FROM backlog WHERE id = ?"),
    countBacklogAttempt: prepare("UPDATE backlog SET attempts = attempts + 1 WHERE id = ? RETURNING attempts"),
  };
}
