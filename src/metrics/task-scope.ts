import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The repository of the task whose code is running, for metrics labelled by repository: the
 * measured runner enters it, the measured model reads it, and nothing in between passes it on.
 */
const scope = new AsyncLocalStorage<{ repository: string }>();

export function inTaskScope<T>(repository: string, work: () => T): T {
  return scope.run({ repository }, work);
}

/** `owner/name` of the running task; `none` outside any task (a compaction in `ferry run`, say). */
export function currentRepository(): string {
  return scope.getStore()?.repository ?? "none";
}
