import type { Logger } from "pino";
import { Context, type ProbotOctokit } from "probot";
import { z } from "zod";
import type { NewDelivery } from "../../tasks/model.ts";
import type { Store } from "../../tasks/store.ts";
import { errorMessage } from "../../error-message.ts";
import { runIteration } from "../../run-iteration.ts";
import { deliveryKey } from "./delivery-key.ts";

/** A webhook handler as Probot calls it; the backlog gives it the same context, later. */
export type WebhookHandler = (context: Context) => Promise<unknown>;

export type WebhookBacklogOptions = {
  store: Pick<Store, "acceptDelivery" | "pendingDeliveries" | "waitingDelivery" | "settleDelivery" | "countDeliveryAttempt" | "dropDelivery" | "forgetDeliveriesSeenBefore" | "forgetDeliveryBodiesSeenBefore">;
  /** Handlers by `event.action` (or by `event` for every action). */
  handlers: Readonly<Record<string, WebhookHandler>>;
  /** The installation's client, as Probot would give the handler. */
  clientFor(installationId: number | undefined): Promise<ProbotOctokit>;
  log: Logger;
  /** Deliveries handled at once (different issues); default 2: GitHub writes are throttled to about one a second anyway, and fewer handlers at once keep webhook answers quick. */
  concurrency?: number;
  /** Waits before the 2nd, 3rd… attempt of a delivery whose handler threw; then it is given up. */
  retryDelaysMs?: readonly number[];
  /** Clock for forgetting handled deliveries; tests pass a fixed one. */
  now?: () => Date;
};

type Waiting = { id: string; key: string };

const DEFAULT_RETRY_DELAYS_MS = [2_000, 15_000, 60_000];
/**
 * Handled ids are kept to refuse a redelivery. GitHub redelivers only deliveries of the past
 * three days, so a week is ample; older ids are forgotten at start-up and once a day.
 */
export const REMEMBER_HANDLED_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * The hash of a handled body is kept far longer: a replay can come whenever someone who saw the
 * signed body (a public WEBHOOK_PROXY_URL channel shows them all) chooses, under any new id.
 */
export const REMEMBER_BODIES_MS = 90 * 24 * 60 * 60 * 1000;
const FORGET_EVERY_MS = 24 * 60 * 60 * 1000;

const Addressed = z.looseObject({
  action: z.string().optional(),
  installation: z.looseObject({ id: z.number() }).optional(),
});

/**
 * Webhooks are answered as soon as the verified delivery is written to the store; the
 * handlers run here afterwards, so GitHub's 10 s limit never depends on GitHub's own API,
 * and a restart resumes what was accepted but not handled. Deliveries about one issue or
 * pull request run in arrival order; a handler that throws is retried, then given up with
 * an error in the log (GitHub's "Redeliver" brings it back).
 */
export class WebhookBacklog {
  readonly #options: WebhookBacklogOptions;
  /**
   * Deliveries to handle, oldest first, each with its issue's key (parsed once, not at every
   * pump). Payloads stay in the store until their turn: a long backlog costs ids, not parsed
   * bodies, and the garbage collector has nothing to copy while webhooks keep arriving.
   */
  readonly #waiting: Waiting[] = [];
  readonly #busy = new Set<string>();
  readonly #retries = new Set<NodeJS.Timeout>();
  #forgetting: NodeJS.Timeout | undefined;
  #pumpSoon: NodeJS.Immediate | undefined;
  #idle: PromiseWithResolvers<void> | undefined;
  #stopped = false;

  constructor(options: WebhookBacklogOptions) {
    this.#options = options;
  }

  /** Keeps the delivery for handling; false when its id, or its body under another id (a replay), is already waiting or was handled. */
  async accept(delivery: NewDelivery): Promise<boolean> {
    if (this.#stopped) throw new Error("Ferry is shutting down; the delivery was not accepted.");
    const accepted = await this.#options.store.acceptDelivery(delivery);
    // Stopped while it was being stored: the stopped backlog handles nothing more; the next start finds it in the store.
    if (accepted) this.#enqueue({ id: delivery.id, key: deliveryKey(delivery.id, delivery.payload) });
    return accepted;
  }

  /** Picks up what an earlier process accepted and did not handle, and forgets ids too old to come back. */
  async start(): Promise<void> {
    // Forgetting can fail (a busy database) without stopping start-up or the daily timer: it is tried again tomorrow.
    const forget = () => void runIteration(this.#options.log, "could not forget old webhook deliveries; trying again in a day", {}, () => this.#forgetOldDeliveries());
    forget();
    this.#forgetting = setInterval(forget, FORGET_EVERY_MS).unref();
    const pending = await this.#options.store.pendingDeliveries();
    if (pending.length > 0) this.#options.log.info({ deliveries: pending.length }, "handling webhook deliveries accepted before the restart");
    // A delivery accepted while the list was read is waiting already: it is not handled twice.
    for (const delivery of pending) if (!this.#waiting.some((waiting) => waiting.id === delivery.id)) this.#enqueue({ id: delivery.id, key: deliveryKey(delivery.id, delivery.payload) });
  }

  /** Resolves once nothing is waiting or being handled (retries scheduled for later do not count). */
  idle(): Promise<void> {
    if (this.#waiting.length === 0 && this.#busy.size === 0) return Promise.resolve();
    this.#idle ??= Promise.withResolvers<void>();
    return this.#idle.promise;
  }

  /**
   * Stops taking deliveries and lets the ones being handled end (Ferry aborts their GitHub calls
   * first, so they end at once); those and the rest stay in the store for the next start.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#forgetting);
    for (const timer of this.#retries) clearTimeout(timer);
    this.#retries.clear();
    this.#waiting.length = 0;
    await this.idle();
  }

  async #forgetOldDeliveries(): Promise<void> {
    const now = this.#options.now?.() ?? new Date();
    const forgotten = await this.#options.store.forgetDeliveriesSeenBefore(new Date(now.getTime() - REMEMBER_HANDLED_MS));
    if (forgotten > 0) this.#options.log.info({ deliveries: forgotten }, "forgot the ids of webhook deliveries handled more than a week ago");
    await this.#options.store.forgetDeliveryBodiesSeenBefore(new Date(now.getTime() - REMEMBER_BODIES_MS));
  }

  #enqueue(waiting: Waiting): void {
    this.#waiting.push(waiting);
    // On the next turn of the event loop: the webhook's answer goes out first, and no handler
    // work runs in the microtasks between storing a delivery and answering it.
    if (this.#pumpSoon !== undefined) return;
    this.#pumpSoon = setImmediate(() => {
      this.#pumpSoon = undefined;
      this.#pump();
    });
  }

  #pump(): void {
    const limit = this.#options.concurrency ?? 2;
    while (!this.#stopped && this.#busy.size < limit) {
      // The oldest delivery whose issue is not being handled: per-issue order, no head-of-line blocking.
      const index = this.#waiting.findIndex(({ key }) => !this.#busy.has(key));
      if (index < 0) break;
      const [next] = this.#waiting.splice(index, 1);
      if (!next) break;
      this.#busy.add(next.key);
      // A throw outside the handler's own try (reading the store) leaves the delivery pending for the next start; the others go on.
      void runIteration(this.#options.log, "could not handle a webhook delivery; it stays in the store for the next start", { delivery: next.id }, () => this.#handle(next)).finally(() => {
        this.#busy.delete(next.key);
        this.#pump();
      });
    }
    if (this.#busy.size === 0 && (this.#waiting.length === 0 || this.#stopped)) {
      this.#idle?.resolve();
      this.#idle = undefined;
    }
  }

  async #handle(waiting: Waiting): Promise<void> {
    const { store } = this.#options;
    // Gone when it was handled or given up meanwhile (a retry that met a stop, a second process).
    const delivery = await store.waitingDelivery(waiting.id);
    if (!delivery) return;
    const addressed = Addressed.safeParse(delivery.payload);
    const action = addressed.success ? addressed.data.action : undefined;
    const name = action ? `${delivery.event}.${action}` : delivery.event;
    const log = this.#options.log.child({ delivery: delivery.id, event: name });
    const handler = this.#options.handlers[name] ?? this.#options.handlers[delivery.event];
    try {
      if (handler) {
        const octokit = await this.#options.clientFor(addressed.success ? addressed.data.installation?.id : undefined);
        // Probot's context, as its server would have built it for the same delivery.
        const event = { id: delivery.id, name: delivery.event, payload: delivery.payload } as ConstructorParameters<typeof Context>[0];
        await handler(new Context(event, octokit, log));
      }
      await store.settleDelivery(delivery.id, delivery.event);
    } catch (error) {
      await this.#failed(waiting, error, log);
    }
  }

  async #failed(delivery: Waiting, error: unknown, log: Logger): Promise<void> {
    const { store } = this.#options;
    const reason = errorMessage(error);
    // Cut off by a stop (its GitHub calls are aborted): not an attempt, and still pending for the next start.
    if (this.#stopped) {
      log.warn({ err: error, reason }, "handling a webhook delivery was cut off by the stop; it is handled again after the restart");
      return;
    }
    const delays = this.#options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    const attempts = await store.countDeliveryAttempt(delivery.id);
    const retryInMs = delays[attempts - 1];
    if (retryInMs === undefined) {
      await store.dropDelivery(delivery.id);
      log.error({ err: error, attempts, reason }, "gave up on a webhook delivery after its last attempt; GitHub's Redeliver brings it back");
      return;
    }
    log.warn({ err: error, attempts, retryInMs, reason }, "handling a webhook delivery failed; it is retried");
    const timer = setTimeout(() => {
      this.#retries.delete(timer);
      this.#enqueue(delivery);
    }, retryInMs);
    this.#retries.add(timer);
  }
}
