import { TERMINAL_STATES } from "../model.ts";
import { SCHEMA } from "./schema.ts";

const ENDED = TERMINAL_STATES.map((state) => `'${state}'`).join(", ");
const S = SCHEMA;

/** The columns the row parsers read; `interrupted` as SQLite's 0/1. */
const RUN = "id, task_id, number, started_at, ended_at, interrupted::int AS interrupted";

/** Names compare as GitHub compares them, without case (SQLite's NOCASE). */
const SAME_ISSUE = "lower(owner) = lower($1) AND lower(repo) = lower($2) AND issue_number = $3";

/** Every statement the PostgreSQL store runs. The ones that race between processes say how they hold. */
export const SQL = {
  // ON CONFLICT on the partial unique index: of two servers creating the issue's task, one inserts, the other gets nothing back.
  insertTask: `
    INSERT INTO ${S}.tasks (owner, repo, installation_id, clone_url, default_branch, issue_number, "trigger",
                            requester, state, created_at, updated_at, result)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued', $9, $9, NULL)
    ON CONFLICT DO NOTHING
    RETURNING *`,
  selectTask: `SELECT * FROM ${S}.tasks WHERE id = $1`,
  lockTask: `SELECT * FROM ${S}.tasks WHERE id = $1 FOR UPDATE`,
  upsertIssueSnapshot: `
    INSERT INTO ${S}.issue_snapshots (task_id, title, body, approved_by, approved_at) VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (task_id) DO UPDATE
      SET title = excluded.title, body = excluded.body, approved_by = excluded.approved_by, approved_at = excluded.approved_at`,
  selectIssueSnapshot: `SELECT * FROM ${S}.issue_snapshots WHERE task_id = $1`,
  selectActiveTask: `SELECT * FROM ${S}.tasks WHERE ${SAME_ISSUE} AND state NOT IN (${ENDED})`,
  selectLatestTask: `SELECT * FROM ${S}.tasks WHERE ${SAME_ISSUE} ORDER BY id DESC LIMIT 1`,
  selectTaskByPull: `
    SELECT t.*, p.idx, p.branch, p.number, p.url, p.head_sha FROM ${S}.parts p JOIN ${S}.tasks t ON t.id = p.task_id
    WHERE lower(t.owner) = lower($1) AND lower(t.repo) = lower($2) AND p.number = $3 ORDER BY t.id DESC LIMIT 1`,
  selectTasksByState: `SELECT * FROM ${S}.tasks WHERE state = ANY($1::text[]) ORDER BY id`,
  updateTaskState: `UPDATE ${S}.tasks SET state = $1, updated_at = $2, result = $3 WHERE id = $4 RETURNING *`,
  // The caller holds the task's row lock, so two processes cannot pick the same number.
  insertRun: `
    INSERT INTO ${S}.runs (task_id, number, started_at)
    VALUES ($1, (SELECT COALESCE(MAX(number), 0) + 1 FROM ${S}.runs WHERE task_id = $1), $2)
    RETURNING ${RUN}`,
  selectRuns: `SELECT ${RUN} FROM ${S}.runs WHERE task_id = $1 ORDER BY number`,
  endRuns: `UPDATE ${S}.runs SET ended_at = $2, interrupted = $3 WHERE task_id = $1 AND ended_at IS NULL`,
  insertEvent: `
    INSERT INTO ${S}.events (task_id, run_id, at, type, data)
    VALUES ($1, (SELECT id FROM ${S}.runs WHERE task_id = $1 AND ended_at IS NULL ORDER BY id DESC LIMIT 1), $2, $3, $4)
    RETURNING *`,
  selectEvents: `SELECT * FROM ${S}.events WHERE task_id = $1 ORDER BY id`,
  insertInbox: `INSERT INTO ${S}.inbox (task_id, kind, author, body, received_at) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
  // Row locks make a concurrent take wait, then skip the rows this one delivered: each message is taken once.
  takeInbox: `
    UPDATE ${S}.inbox SET delivered_at = $1
    WHERE task_id = $2 AND delivered_at IS NULL AND kind = ANY($3::text[])
    RETURNING *`,
  selectInbox: `SELECT * FROM ${S}.inbox WHERE task_id = $1 ORDER BY id`,
  // Primary key: of two servers claiming a due time, one inserts.
  insertSweep: `INSERT INTO ${S}.sweeps (owner, repo, due_at, claimed_at) VALUES (lower($1), lower($2), $3, $4) ON CONFLICT DO NOTHING`,
  selectSpentSince: `
    SELECT COALESCE(SUM((e.data -> 'result' -> 'spend' ->> 'costUsd')::double precision), 0) AS usd
    FROM ${S}.events e JOIN ${S}.tasks t ON t.id = e.task_id
    WHERE lower(t.owner) = lower($1) AND lower(t.repo) = lower($2) AND e.type = 'state' AND e.at >= $3
      AND (e.data ->> 'to') IN (${ENDED})`,
  upsertPause: `
    INSERT INTO ${S}.pauses (task_id, kind, subject, since, deadline) VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (task_id) DO UPDATE
      SET kind = excluded.kind, subject = excluded.subject, since = excluded.since, deadline = excluded.deadline
    RETURNING *`,
  selectPause: `SELECT * FROM ${S}.pauses WHERE task_id = $1`,
  deletePause: `DELETE FROM ${S}.pauses WHERE task_id = $1`,
  deleteParts: `DELETE FROM ${S}.parts WHERE task_id = $1`,
  insertParts: `
    INSERT INTO ${S}.parts (task_id, idx, branch, number, url, head_sha)
    SELECT $1::bigint, * FROM unnest($2::int[], $3::text[], $4::int[], $5::text[], $6::text[])`,
  selectParts: `SELECT * FROM ${S}.parts WHERE task_id = $1 ORDER BY idx`,
  upsertPushedBranch: `
    INSERT INTO ${S}.pushed_branches (owner, repo, branch, sha, pushed_at) VALUES (lower($1), lower($2), $3, $4, $5)
    ON CONFLICT (owner, repo, branch) DO UPDATE SET sha = excluded.sha, pushed_at = excluded.pushed_at`,
  deletePushedBranch: `DELETE FROM ${S}.pushed_branches WHERE owner = lower($1) AND repo = lower($2) AND branch = $3`,
  selectPushedBranch: `SELECT sha FROM ${S}.pushed_branches WHERE owner = lower($1) AND repo = lower($2) AND branch = $3`,
} as const;
