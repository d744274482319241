import type { Context } from "probot";
import type { z } from "zod";
import { canWrite } from "../../github/permissions.ts";
import type { Store } from "../../tasks/store.ts";
import type { EventContext } from "../event-context.ts";
import type { Sender } from "../payloads.ts";
import { isBot } from "../sender.ts";

/** Every event name Probot knows, with or without its action. */
type EventName = Context["name"];

/** The payload, parsed at the boundary; a malformed one is logged and ignored (undefined). */
export function parsePayload<P>(context: Context, name: string, schema: z.ZodType<P>): P | undefined {
  const parsed = schema.safeParse(context.payload);
  if (parsed.success) return parsed.data;
  context.log.warn({ issues: parsed.error.issues }, `ignoring a malformed ${name} payload`);
  return undefined;
}

type Guards<Name extends EventName, P, A> = {
  /** The event and action, e.g. `issues.labeled`: what the delivery is recorded as. */
  name: Name;
  payload: z.ZodType<P>;
  /** Bots, Ferry included, never trigger or steer anything; only the events that stop work take them. */
  bots?: "ignored" | "taken";
  /**
   * Whether the event is worth a delivery, from the payload and the store alone (no GitHub
   * request): undefined ignores it, anything else is what `handle` gets.
   */
  accept: (payload: P) => A | undefined | Promise<A | undefined>;
  /** The handler's own work, once per delivery: config, authorisation, then what the event does. */
  handle: (accepted: A, context: Context<Name>) => Promise<void>;
};

/**
 * The chain every webhook handler starts with: parse the payload → ignore bots → what the handler
 * accepts → once per delivery. A delivery is recorded only after `handle` succeeded, so GitHub's
 * redelivery of a failed one is handled again.
 */
export function guardedHandler<Name extends EventName, P extends { sender: Sender }, A>(
  store: Store,
  guards: Guards<Name, P, A>,
): (context: Context<Name>) => Promise<void> {
  return async (context) => {
    const payload = parsePayload(context, guards.name, guards.payload);
    if (payload === undefined) return;
    if (guards.bots !== "taken" && isBot(payload.sender)) return;
    const accepted = await guards.accept(payload);
    if (accepted === undefined) return;
    await onceForDelivery(store, { id: context.id, event: guards.name }, () => guards.handle(accepted, context));
  };
}

/** Whether the event's sender may write to the repository: Ferry takes work and steering only from writers. */
export const senderCanWrite = (event: EventContext): Promise<boolean> => canWrite(event.client, event.repo.owner, event.repo.name, event.sender.login);

/**
 * Runs a delivery's work once. A delivery is marked seen only after its work succeeded,
 * so GitHub's redelivery of a failed one is handled again rather than lost.
 */
async function onceForDelivery(
  store: Store,
  delivery: { id: string; event: string },
  work: () => Promise<void>,
): Promise<void> {
  if (await store.hasSeenDelivery(delivery.id)) return;
  await work();
  await store.markDeliverySeen(delivery.id, delivery.event);
}
