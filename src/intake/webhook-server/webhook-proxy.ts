import type { Logger } from "pino";
import { SmeeClient } from "smee-client";
import { z } from "zod";

/** How long the start waits for WEBHOOK_PROXY_URL's event stream to open. */
export const PROXY_CONNECT_TIMEOUT_MS = 15_000;

export type WebhookProxy = { stop(): Promise<void> };

/**
 * Forwards the deliveries a smee.io channel (WEBHOOK_PROXY_URL) receives to `target`, Ferry's
 * own webhook path, as Probot's server does. Smee's notices go to debug: each forwarded
 * delivery already gets the server's access line. Rejects, naming the variable, if the channel
 * does not open.
 */
export async function startWebhookProxy(options: { source: string; target: string; log: Logger; timeoutMs?: number }): Promise<WebhookProxy> {
  const { source, target, log } = options;
  const client = new SmeeClient({
    source,
    target,
    maxConnectionTimeout: options.timeoutMs ?? PROXY_CONNECT_TIMEOUT_MS,
    logger: {
      info: (...notice: unknown[]) => log.debug({ proxy: source }, notice.map(describe).join(" ")),
      error: (...problem: unknown[]) => log.warn({ proxy: source, problem: problem.map(describe).join(" ") }, "webhook proxy connection problem"),
    },
  });
  try {
    await client.start();
  } catch (error) {
    await client.stop();
    throw new Error(`could not open WEBHOOK_PROXY_URL ${source} (${describe(error)}); check the URL, or unset it to receive webhooks directly`, { cause: error });
  }
  log.info({ proxy: source, target }, "forwarding webhook deliveries from WEBHOOK_PROXY_URL");
  return client;
}

/** The event stream reports failures as events with a message and an HTTP code, not as Errors. */
const Described = z.object({ message: z.string().optional(), code: z.number().optional() });

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  const parsed = Described.safeParse(value);
  if (!parsed.success) return String(value);
  const { message, code } = parsed.data;
  return [message, code === undefined ? undefined : `HTTP ${code}`].filter(Boolean).join(", ") || String(value);
}
