/** The reason a run's signal is aborted with; named AbortError like the platform's own aborts. */
export const taskAbortedError = (taskId: number, why: string): DOMException =>
  new DOMException(`Task ${taskId} was aborted: ${why}`, "AbortError");
