/**
 * What happened in a run, one event per line (JSONL): model requests, tool calls, policy
 * decisions, inbox messages, test runs, compactions, retries. Secrets are redacted
 * before anything is written.
 */
export type TrajectoryEventType =
  | "run-started"
  | "prompt"
  | "model-request"
  | "model-retry"
  | "tool-call"
  | "policy"
  | "inbox"
  | "pause"
  | "test-run"
  | "compaction"
  | "check"
  | "run-ended";

export interface Trajectory {
  /** Where the JSONL file is, for links and `ferry run`'s report; undefined when kept in memory. */
  readonly path: string | undefined;
  record(type: TrajectoryEventType, data: Record<string, unknown>): void;
}
