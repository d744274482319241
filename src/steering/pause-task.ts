import type { InboxKind, InboxMessage, TaskState } from "../tasks/model.ts";
import type { PauseKind } from "../tasks/pause.ts";
import type { Store } from "../tasks/store.ts";
import type { PauseWindow } from "./pause-comments.ts";
import { describeWait } from "./wait-wording.ts";
import { waitForReply } from "./wait-for-reply.ts";

export type PauseTaskOptions = {
  store: Store;
  taskId: number;
  /** RunContext.moveTo: moves the task and tells the listener; rejects once the run is aborted. */
  moveTo: (state: TaskState, reason?: string) => Promise<unknown>;
  /** Posts a comment on the task's issue. */
  post: (body: string) => Promise<void>;
  /** `limits.waitMinutes`, in milliseconds. */
  waitMs: number;
  pollMs: number;
  now: () => Date;
};

export type PauseSpec = {
  kind: PauseKind;
  /** The command awaiting approval, or the question. */
  subject: string;
  comment: (window: PauseWindow) => string;
  accepts: (reply: InboxMessage) => boolean;
};

const REPLY_KIND: Record<PauseKind, InboxKind> = { approval: "approval", question: "answer" };
const WAITING_FOR: Record<PauseKind, string> = { approval: "an approval", question: "an answer" };
const REPLIED: Record<PauseKind, string> = { approval: "approved", question: "answered" };

/**
 * One pause of a running task: record it, move to `waiting`, post the comment, wait for a
 * reply, then close it and move back to `running`. Undefined when the deadline passed.
 * An abort rejects with the signal's reason and leaves the state to whoever aborted.
 */
export async function pauseTask(options: PauseTaskOptions, spec: PauseSpec, signal: AbortSignal): Promise<InboxMessage | undefined> {
  signal.throwIfAborted();
  const { store, taskId } = options;
  const kind = REPLY_KIND[spec.kind];
  // Replies left over from an earlier pause must not answer this one.
  await store.takeInbox(taskId, [kind]);
  const window = { deadline: new Date(options.now().getTime() + options.waitMs), waitMs: options.waitMs };
  await store.openPause(taskId, { kind: spec.kind, subject: spec.subject, deadline: window.deadline.toISOString() });
  try {
    await options.moveTo("waiting", `waiting for ${WAITING_FOR[spec.kind]}`);
  } catch (error) {
    await store.closePause(taskId);
    throw error;
  }
  let ended = "the pause failed";
  try {
    await options.post(spec.comment(window));
    const reply = await waitForReply({ ...options, kind, accepts: spec.accepts, until: window.deadline, signal });
    ended = reply ? `${REPLIED[spec.kind]} by @${reply.author}` : `no reply within ${describeWait(options.waitMs)}`;
    await store.appendEvent(taskId, "pause-ended", { kind: spec.kind, subject: spec.subject, reply: reply ?? null });
    return reply;
  } finally {
    await store.closePause(taskId);
    if (!signal.aborted) await options.moveTo("running", ended);
  }
}
