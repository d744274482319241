import type { InboxKind, InboxMessage } from "../tasks/model.ts";
import type { Store } from "../tasks/store.ts";
import { sleep } from "./sleep.ts";

export type WaitForReply = {
  store: Store;
  taskId: number;
  kind: InboxKind;
  /** Replies it refuses are taken and dropped: an approval of another command, say. */
  accepts: (message: InboxMessage) => boolean;
  until: Date;
  pollMs: number;
  now: () => Date;
  signal: AbortSignal;
};

/**
 * Reads the task's inbox until a reply it accepts arrives (the first one wins) or `until`
 * passes (undefined). Polling the store sees replies written by any process.
 */
export async function waitForReply(wait: WaitForReply): Promise<InboxMessage | undefined> {
  for (;;) {
    const reply = (await wait.store.takeInbox(wait.taskId, [wait.kind])).find(wait.accepts);
    if (reply) return reply;
    const left = wait.until.getTime() - wait.now().getTime();
    if (left <= 0) return undefined;
    await sleep(Math.min(wait.pollMs, left), wait.signal);
  }
}
