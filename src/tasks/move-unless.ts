import type { Task, TaskState } from "./model.ts";
import { ForbiddenTransitionError } from "./state-machine.ts";
import type { Store } from "./store.ts";

/**
 * Runs a move that a check of the task's state just allowed. With an asynchronous store another
 * caller may move the task between the check and the move (a run that ends, a cancel, a reopen);
 * Store.transition checks the move again atomically and throws ForbiddenTransitionError. When the
 * task is now in a state `skip` accepts, that is the answer the check would have given had it
 * run later: undefined. Any other failure is thrown.
 */
export async function moveUnless(store: Pick<Store, "getTask">, taskId: number, skip: (state: TaskState) => boolean, move: () => Promise<Task>): Promise<Task | undefined> {
  try {
    return await move();
  } catch (error) {
    if (!(error instanceof ForbiddenTransitionError)) throw error;
    const now = await store.getTask(taskId);
    if (now && skip(now.state)) return undefined;
    throw error;
  }
}
