import type { DatabaseSync } from "node:sqlite";
import { z } from "zod";
import { inTransaction } from "./sqlite-transaction.ts";

/**
 * Schema steps, applied in order; step i brings the database to `user_version` i + 1.
 * Released steps are never edited: a change is a new step appended at the end.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner TEXT NOT NULL COLLATE NOCASE,
    repo TEXT NOT NULL COLLATE NOCASE,
    installation_id INTEGER NOT NULL,
    clone_url TEXT NOT NULL,
    default_branch TEXT NOT NULL,
    issue_number INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    requester TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN
      ('queued', 'preparing', 'running', 'waiting', 'verifying', 'delivering', 'done', 'failed', 'cancelled')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    result TEXT
  ) STRICT;

  -- One active task per issue, enforced by SQLite itself so that racing webhooks cannot both win.
  CREATE UNIQUE INDEX tasks_one_active_per_issue ON tasks (owner, repo, issue_number)
    WHERE state NOT IN ('done', 'failed', 'cancelled');
  CREATE INDEX tasks_by_state ON tasks (state, id);

  CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id INTEGER NOT NULL REFERENCES tasks (id),
    number INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    interrupted INTEGER NOT NULL DEFAULT 0 CHECK (interrupted IN (0, 1)),
    UNIQUE (task_id, number)
  ) STRICT;

  CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id INTEGER NOT NULL REFERENCES tasks (id),
    run_id INTEGER REFERENCES runs (id),
    at TEXT NOT NULL,
    type TEXT NOT NULL,
    data TEXT
  ) STRICT;
  CREATE INDEX events_by_task ON events (task_id, id);
  -- The trajectory is evidence: it is only ever appended to.
  CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
  CREATE TRIGGER events_no_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

  CREATE TABLE inbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id INTEGER NOT NULL REFERENCES tasks (id),
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    received_at TEXT NOT NULL,
    delivered_at TEXT
  ) STRICT;
  CREATE INDEX inbox_undelivered ON inbox (task_id, id) WHERE delivered_at IS NULL;

  CREATE TABLE deliveries (
    id TEXT PRIMARY KEY,
    event TEXT NOT NULL,
    seen_at TEXT NOT NULL
  ) STRICT;
  `,
  `
  -- Approvals and answers share the inbox with steering; earlier messages were all steering.
  ALTER TABLE inbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'redirect'
    CHECK (kind IN ('redirect', 'approval', 'answer'));

  -- What a waiting task waits for; at most one pause per task.
  CREATE TABLE pauses (
    task_id INTEGER PRIMARY KEY REFERENCES tasks (id),
    kind TEXT NOT NULL CHECK (kind IN ('approval', 'question')),
    subject TEXT NOT NULL,
    since TEXT NOT NULL,
    deadline TEXT NOT NULL
  ) STRICT;
  `,
  // 3: the pull requests a task delivered, one row per part of its stack.
  `
  CREATE TABLE parts (
    task_id INTEGER NOT NULL REFERENCES tasks(id),
    idx INTEGER NOT NULL,
    branch TEXT NOT NULL,
    number INTEGER NOT NULL,
    url TEXT NOT NULL,
    head_sha TEXT NOT NULL,
    PRIMARY KEY (task_id, idx)
  ) STRICT;
  `,
  // 4: work queued for a task's next runs (retry, a redirect after the end, review feedback),
  // and the sweeps already run, so no due time of a repository is swept twice.
  `
  CREATE TABLE followups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id INTEGER NOT NULL REFERENCES tasks (id),
    kind TEXT NOT NULL CHECK (kind IN ('retry', 'redirect', 'review')),
    author TEXT NOT NULL,
    data TEXT NOT NULL,
    -- Batching key: review comments on one pull request gather in one follow-up until a run takes it.
    batch TEXT,
    created_at TEXT NOT NULL,
    ready_at TEXT NOT NULL,
    run_id INTEGER REFERENCES runs (id),
    done_at TEXT
  ) STRICT;
  CREATE INDEX followups_open ON followups (task_id, id) WHERE done_at IS NULL;

  CREATE TABLE sweeps (
    owner TEXT NOT NULL COLLATE NOCASE,
    repo TEXT NOT NULL COLLATE NOCASE,
    due_at TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    PRIMARY KEY (owner, repo, due_at)
  ) STRICT;

  CREATE INDEX parts_by_pull ON parts (number);
  `,
  // 5: verified webhook deliveries waiting to be handled; the webhook is answered once its row is written.
  `
  CREATE TABLE backlog (
    id TEXT PRIMARY KEY,
    event TEXT NOT NULL,
    payload TEXT NOT NULL,
    received_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  `,
  // 6: handled delivery ids are forgotten once GitHub can no longer redeliver them.
  `
  CREATE INDEX deliveries_by_age ON deliveries (seen_at);
  `,
  // 7: what Ferry itself last pushed to each branch, per repository (not per task): the lease of
  // every later push or delete, so a commit someone else put on the branch is never overwritten.
  // Filled from the parts delivered so far (a later task's parts win).
  `
  CREATE TABLE pushed_branches (
    owner TEXT NOT NULL COLLATE NOCASE,
    repo TEXT NOT NULL COLLATE NOCASE,
    branch TEXT NOT NULL,
    sha TEXT NOT NULL,
    pushed_at TEXT NOT NULL,
    PRIMARY KEY (owner, repo, branch)
  ) STRICT;
  INSERT OR REPLACE INTO pushed_branches (owner, repo, branch, sha, pushed_at)
    SELECT t.owner, t.repo, p.branch, p.head_sha, t.updated_at FROM parts p JOIN tasks t ON t.id = p.task_id ORDER BY t.id;
  `,
  // 8: the title and body as a writer approved them when they triggered the task (label,
  // `/agent run`, a sweep pick, a retry on the issue); every run of the task works from this text.
  `
  CREATE TABLE issue_snapshots (
    task_id INTEGER PRIMARY KEY REFERENCES tasks (id),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    approved_at TEXT NOT NULL
  ) STRICT;
  `,
  // 9: a replayed body under a new delivery id is refused: a waiting delivery keeps its body's
  // hash, a handled one leaves it in delivery_bodies (kept longer than ids; see the backlog).
  `
  ALTER TABLE backlog ADD COLUMN body_hash TEXT;
  CREATE INDEX backlog_by_body ON backlog (body_hash);
  CREATE TABLE delivery_bodies (
    hash TEXT PRIMARY KEY,
    seen_at TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX delivery_bodies_by_age ON delivery_bodies (seen_at);
  `,
  // 10: the placeholder runner's result (it stood in for the agent before there was one) is no
  // longer a result. Those tasks changed no code: they read as no-changes, their note kept as the
  // summary, nothing spent. CASE, because SQLite may evaluate json_extract before json_valid.
  `
  UPDATE tasks SET result = json_object(
      'outcome', 'no-changes',
      'summary', coalesce(json_extract(result, '$.message'), ''),
      'spend', json_object('steps', 0, 'inputTokens', 0, 'cachedInputTokens', 0, 'outputTokens', 0, 'reasoningTokens', 0, 'costUsd', 0, 'minutes', 0))
    WHERE CASE WHEN json_valid(result) THEN json_extract(result, '$.outcome') = 'placeholder' ELSE 0 END;
  `,
];

export class UnsupportedSchemaError extends Error {
  readonly found: number;
  readonly known: number;

  constructor(found: number, known: number) {
    super(
      `The database schema is version ${found}, but this build of Ferry only knows versions up to ${known}. ` +
        "It was written by a newer Ferry: run that version, or point FERRY_DATA_DIR at another directory.",
    );
    this.name = "UnsupportedSchemaError";
    this.found = found;
    this.known = known;
  }
}

const UserVersion = z.object({ user_version: z.number().int().nonnegative() });

export const schemaVersion = (db: DatabaseSync): number =>
  UserVersion.parse(db.prepare("PRAGMA user_version").get()).user_version;

/** Brings the database up to the latest schema; refuses one written by a newer build. */
export function migrate(db: DatabaseSync, migrations: readonly string[] = MIGRATIONS): void {
  // The version is read again inside the write lock, so two processes opening at once apply each step once.
  inTransaction(db, () => {
    const current = schemaVersion(db);
    if (current > migrations.length) throw new UnsupportedSchemaError(current, migrations.length);
    for (const [index, step] of migrations.entries()) {
      if (index < current) continue;
      db.exec(step);
      db.exec(`PRAGMA user_version = ${index + 1}`);
    }
  });
}
