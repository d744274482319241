import type { Progress } from "./progress.ts";

export type ProgressListener = (taskId: number, progress: Progress | undefined) => void;

/**
 * The seam of live progress. The process that runs a task sets it and its status reporter shows
 * it (get, notesOf, listen); any process reads it for `/agent status` (read) and asks for a
 * refresh of the status comment (touch). In memory for one process (ProgressBoard); through
 * PostgreSQL across several (PostgresProgress).
 */
export interface LiveProgress {
  set(taskId: number, progress: Progress): void;
  /** This process's own view: the tasks it runs. */
  get(taskId: number): Progress | undefined;
  /** Where the task's agent is, whichever process runs it. */
  read(taskId: number): Promise<Progress | undefined>;
  /** Something else the status comment shows changed: the reporter of the process running the task refreshes it. */
  touch(taskId: number): void;
  note(taskId: number, notes: readonly string[]): void;
  notesOf(taskId: number): readonly string[];
  clear(taskId: number): void;
  listen(listener: ProgressListener): () => void;
}

/**
 * Where each running task's agent is, in memory: the agent's trajectory writes it, the status
 * reporter listens and shows it. Lost on restart, which is fine: the next event sets it again.
 */
export class ProgressBoard implements LiveProgress {
  readonly #progress = new Map<number, Progress>();
  readonly #notes = new Map<number, readonly string[]>();
  readonly #listeners = new Set<ProgressListener>();

  set(taskId: number, progress: Progress): void {
    this.#progress.set(taskId, progress);
    for (const listener of this.#listeners) listener(taskId, progress);
  }

  get(taskId: number): Progress | undefined {
    return this.#progress.get(taskId);
  }

  /** One process: the board is everyone's view. */
  read(taskId: number): Promise<Progress | undefined> {
    return Promise.resolve(this.get(taskId));
  }

  /** Tells the listeners that something else they show about the task changed (a redirect arrived). */
  touch(taskId: number): void {
    const progress = this.#progress.get(taskId);
    for (const listener of this.#listeners) listener(taskId, progress);
  }

  /** Says how this run of the task is held back (limits the operator capped), for its status. */
  note(taskId: number, notes: readonly string[]): void {
    if (notes.length === 0) return;
    this.#notes.set(taskId, notes);
    this.touch(taskId);
  }

  notesOf(taskId: number): readonly string[] {
    return this.#notes.get(taskId) ?? [];
  }

  /** Silent: whoever clears a task's progress is about to show its state anyway. */
  clear(taskId: number): void {
    this.#progress.delete(taskId);
    this.#notes.delete(taskId);
  }

  /** Calls `listener` on every `set`; returns what stops it. */
  listen(listener: ProgressListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
