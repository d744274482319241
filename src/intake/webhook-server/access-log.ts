import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { Log } from "../../logger.ts";

/** Enough for the deliveries in flight; an entry whose answer never came is dropped first. */
export const MAX_PENDING_ACTIONS = 1000;

const WithAction = z.object({ action: z.string().optional() });

/**
 * The action of each verified delivery, noted by Probot's `onAny` before the answer is sent
 * and taken by the access line, so the payload is neither parsed twice nor logged.
 */
export class DeliveryActions {
  readonly #actions = new Map<string, string>();

  note(deliveryId: string, payload: unknown): void {
    const parsed = WithAction.safeParse(payload);
    if (!parsed.success || parsed.data.action === undefined) return;
    if (this.#actions.size >= MAX_PENDING_ACTIONS) this.#actions.delete(this.#actions.keys().next().value ?? "");
    this.#actions.set(deliveryId, parsed.data.action);
  }

  take(deliveryId: string): string | undefined {
    const action = this.#actions.get(deliveryId);
    this.#actions.delete(deliveryId);
    return action;
  }
}

/**
 * One compact line per request once its answer is sent (or the client went away): for a
 * webhook delivery its event and action, delivery id, status and milliseconds; for anything
 * else the method and path. Health checks (`GET /ping`) are not logged.
 */
export function accessLog(log: Log, actions: DeliveryActions, webhookPaths: readonly string[], onWebhookAnswer?: (status: number, seconds: number) => void) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    res.once("close", () => {
      // Trailing slashes dropped, as Probot's webhook middleware matches paths.
      const path = ((req.url ?? "/").split("?")[0] ?? "/").replace(/(?<=.)\/+$/, "");
      // Health checks and scrapes come every few seconds: not worth a line each.
      if (req.method === "GET" && (path === "/ping" || path === "/metrics")) return;
      const timing = { status: res.statusCode, ms: Math.round((performance.now() - started) * 10) / 10, ...(!res.writableFinished && { aborted: true }) };
      const event = header(req, "x-github-event");
      const delivery = header(req, "x-github-delivery");
      if (req.method !== "POST" || !webhookPaths.includes(path) || event === undefined) {
        return void log.info({ method: req.method, path, ...timing }, "http request");
      }
      onWebhookAnswer?.(res.statusCode, (performance.now() - started) / 1000);
      const action = delivery === undefined ? undefined : actions.take(delivery);
      const line = { event: action === undefined ? event : `${event}.${action}`, delivery, ...timing };
      if (res.statusCode < 400 && res.writableFinished) log.info(line, "webhook delivery");
      else log.warn(line, "webhook delivery refused or not answered");
    });
  };
}

/** A header as sent, cut short: it comes from whoever called, before any signature is checked. */
function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" ? value.slice(0, 100) : undefined;
}
