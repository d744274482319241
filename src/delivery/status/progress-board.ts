import type { Progress } from "./progress.ts";

export type ProgressListener = (taskId: number, progress: Progress | undefined) => void;

/**
 * Where each running task's agent is, in memory: the agent's trajectory writes it, the status
 * reporter listens and shows it. Lost on restart, which is fine: the next event sets it again.
 */
export class ProgressBoard {
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
