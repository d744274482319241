import { TERMINAL_STATES } from "../model.ts";

/** Ferry's tables live in a schema of their own, so they share a database with pg-boss (and anything else) safely. */
export const SCHEMA = "ferry";

const ENDED = TERMINAL_STATES.map((state) => `'${state}'`).join(", ");

/**
 * Schema steps, applied in order under an advisory lock (migrate.ts); step i brings the schema to
 * version i + 1. Released steps are never edited: a change is a new step appended at the end.
 *
 * The same tables as SQLite's (src/tasks/migrations.ts), with the invariants SQLite enforces kept
 * in the database: owner and repository names compare without case (SQLite's NOCASE) through
 * lower() in the unique indexes and queries; sweeps and leases store them lowered.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE ${SCHEMA}.tasks (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner text NOT NULL,
    repo text NOT NULL,
    installation_id bigint NOT NULL,
    clone_url text NOT NULL,
    default_branch text NOT NULL,
    issue_number integer NOT NULL,
    "trigger" text NOT NULL,
    requester text NOT NULL,
    state text NOT NULL CHECK (state IN
      ('queued', 'preparing', 'running', 'waiting', 'verifying', 'delivering', 'done', 'failed', 'cancelled')),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    result json
  );
  -- One active task per issue, enforced by the database: racing webhooks on two servers cannot both win.
  CREATE UNIQUE INDEX tasks_one_active_per_issue ON ${SCHEMA}.tasks (lower(owner), lower(repo), issue_number)
    WHERE state NOT IN (${ENDED});
  CREATE INDEX tasks_by_issue ON ${SCHEMA}.tasks (lower(owner), lower(repo), issue_number, id);
  CREATE INDEX tasks_by_state ON ${SCHEMA}.tasks (state, id);

  CREATE TABLE ${SCHEMA}.issue_snapshots (
    task_id bigint PRIMARY KEY REFERENCES ${SCHEMA}.tasks (id),
    title text NOT NULL,
    body text NOT NULL,
    approved_by text NOT NULL,
    approved_at timestamptz NOT NULL
  );

  CREATE TABLE ${SCHEMA}.runs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id bigint NOT NULL REFERENCES ${SCHEMA}.tasks (id),
    number integer NOT NULL,
    started_at timestamptz NOT NULL,
    ended_at timestamptz,
    interrupted boolean NOT NULL DEFAULT false,
    UNIQUE (task_id, number)
  );

  -- json, not jsonb: the text is kept as written, and jsonb would refuse a \\u0000 in tool output.
  CREATE TABLE ${SCHEMA}.events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id bigint NOT NULL REFERENCES ${SCHEMA}.tasks (id),
    run_id bigint REFERENCES ${SCHEMA}.runs (id),
    at timestamptz NOT NULL,
    type text NOT NULL,
    data json
  );
  CREATE INDEX events_by_task ON ${SCHEMA}.events (task_id, id);
  -- The trajectory is evidence: it is only ever appended to (TRUNCATE included, which row triggers miss).
  CREATE FUNCTION ${SCHEMA}.events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'events are append-only'; END
  $$;
  CREATE TRIGGER events_no_change BEFORE UPDATE OR DELETE ON ${SCHEMA}.events
    FOR EACH ROW EXECUTE FUNCTION ${SCHEMA}.events_append_only();
  CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON ${SCHEMA}.events
    FOR EACH STATEMENT EXECUTE FUNCTION ${SCHEMA}.events_append_only();

  CREATE TABLE ${SCHEMA}.inbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id bigint NOT NULL REFERENCES ${SCHEMA}.tasks (id),
    kind text NOT NULL DEFAULT 'redirect' CHECK (kind IN ('redirect', 'approval', 'answer')),
    author text NOT NULL,
    body text NOT NULL,
    received_at timestamptz NOT NULL,
    delivered_at timestamptz
  );
  CREATE INDEX inbox_undelivered ON ${SCHEMA}.inbox (task_id, id) WHERE delivered_at IS NULL;

  -- What a waiting task waits for; at most one pause per task.
  CREATE TABLE ${SCHEMA}.pauses (
    task_id bigint PRIMARY KEY REFERENCES ${SCHEMA}.tasks (id),
    kind text NOT NULL CHECK (kind IN ('approval', 'question')),
    subject text NOT NULL,
    since timestamptz NOT NULL,
    deadline timestamptz NOT NULL
  );

  CREATE TABLE ${SCHEMA}.parts (
    task_id bigint NOT NULL REFERENCES ${SCHEMA}.tasks (id),
    idx integer NOT NULL,
    branch text NOT NULL,
    number integer NOT NULL,
    url text NOT NULL,
    head_sha text NOT NULL,
    PRIMARY KEY (task_id, idx)
  );
  CREATE INDEX parts_by_pull ON ${SCHEMA}.parts (number);

  CREATE TABLE ${SCHEMA}.followups (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id bigint NOT NULL REFERENCES ${SCHEMA}.tasks (id),
    kind text NOT NULL CHECK (kind IN ('retry', 'redirect', 'review')),
    author text NOT NULL,
    data json NOT NULL,
    batch text,
    created_at timestamptz NOT NULL,
    ready_at timestamptz NOT NULL,
    run_id bigint REFERENCES ${SCHEMA}.runs (id),
    done_at timestamptz
  );
  CREATE INDEX followups_open ON ${SCHEMA}.followups (task_id, id) WHERE done_at IS NULL;
  -- A batch gathers into one follow-up until a run takes it: never two open untaken ones of a key.
  CREATE UNIQUE INDEX followups_one_open_batch ON ${SCHEMA}.followups (task_id, batch)
    WHERE batch IS NOT NULL AND done_at IS NULL AND run_id IS NULL;

  -- One claim per repository and due time: whichever server inserts it first sweeps.
  CREATE TABLE ${SCHEMA}.sweeps (
    owner text NOT NULL CHECK (owner = lower(owner)),
    repo text NOT NULL CHECK (repo = lower(repo)),
    due_at timestamptz NOT NULL,
    claimed_at timestamptz NOT NULL,
    PRIMARY KEY (owner, repo, due_at)
  );

  -- What Ferry last pushed to each branch: the lease of its next push or delete.
  CREATE TABLE ${SCHEMA}.pushed_branches (
    owner text NOT NULL CHECK (owner = lower(owner)),
    repo text NOT NULL CHECK (repo = lower(repo)),
    branch text NOT NULL,
    sha text NOT NULL,
    pushed_at timestamptz NOT NULL,
    PRIMARY KEY (owner, repo, branch)
  );

  -- Handled delivery ids, and the bodies of handled deliveries (kept longer: replays under a new id).
  CREATE TABLE ${SCHEMA}.deliveries (
    id text PRIMARY KEY,
    event text NOT NULL,
    seen_at timestamptz NOT NULL
  );
  CREATE INDEX deliveries_by_age ON ${SCHEMA}.deliveries (seen_at);
  CREATE TABLE ${SCHEMA}.delivery_bodies (
    hash text PRIMARY KEY,
    seen_at timestamptz NOT NULL
  );
  CREATE INDEX delivery_bodies_by_age ON ${SCHEMA}.delivery_bodies (seen_at);

  -- Verified deliveries waiting to be handled, in arrival order (seq); one waiting row per body.
  CREATE TABLE ${SCHEMA}.backlog (
    seq bigint GENERATED ALWAYS AS IDENTITY,
    id text PRIMARY KEY,
    event text NOT NULL,
    payload json NOT NULL,
    received_at timestamptz NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    body_hash text UNIQUE
  );
  CREATE INDEX backlog_in_order ON ${SCHEMA}.backlog (seq);
  `,
  // Where each running task's agent is, written by the worker that runs it for any server to show
  // (`/agent status`); a row lives only while the run does.
  `
  CREATE TABLE ${SCHEMA}.live_progress (
    task_id bigint PRIMARY KEY REFERENCES ${SCHEMA}.tasks (id),
    progress json,
    notes json NOT NULL,
    updated_at timestamptz NOT NULL
  );
  `,
  // Each run's trajectory as the worker writes it (JSONL, one row per line), for a signed link on any server.
  `
  CREATE TABLE ${SCHEMA}.trajectory_lines (
    task_id bigint NOT NULL REFERENCES ${SCHEMA}.tasks (id),
    run integer NOT NULL CHECK (run > 0),
    line integer NOT NULL CHECK (line > 0),
    text text NOT NULL,
    PRIMARY KEY (task_id, run, line)
  );
  `,
];
