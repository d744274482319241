import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit } from "probot";
import { webhookHandlers } from "../../src/intake/app.ts";
import { intakeApp } from "../../src/intake/webhook-server/intake-app.ts";
import { WebhookBacklog } from "../../src/intake/backlog/webhook-backlog.ts";
import type { IntakeDeps } from "../../src/intake/intake.ts";
import { testLog } from "./logged-problems.ts";

let privateKey: string | undefined;

/** A throwaway RSA key, so App authentication (JWT → installation token) runs for real. */
export function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  return privateKey;
}

/** Prints nothing (unless TEST_LOG_LEVEL is set), but a warning or error it is given fails the test unless declared: see logged-problems.ts. */
export const silentLog = testLog;

/**
 * Ferry's app loaded into Probot with retries and throttling off. A function default is
 * needed: Probot passes its own `throttle` options, which would replace a plain object's.
 */
export function testProbot(deps: IntakeDeps): Probot {
  const probot = new Probot({
    appId: 123,
    privateKey: testPrivateKey(),
    log: silentLog,
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { enabled: false },
    })),
  });
  // No retries: a handler that throws is given up at once, as a test wants to see.
  const handlers = webhookHandlers(deps);
  const backlog = new WebhookBacklog({ store: deps.store, handlers, clientFor: (installationId) => probot.auth(installationId), log: silentLog, retryDelaysMs: [] });
  // Ferry's app registers its handlers synchronously; load's promise only wraps that call.
  void probot.load(intakeApp(backlog, Object.keys(handlers)));
  backlogs.set(probot, backlog);
  return probot;
}

const backlogs = new WeakMap<Probot, WebhookBacklog>();

type Delivery = Parameters<Probot["receive"]>[0];

/**
 * Delivers a webhook the way Probot's server does after verifying it, and waits until the
 * backlog has handled it. Fixtures are
 * example JSON, so their static type is loose; Ferry parses every payload with zod anyway.
 */
export async function deliver(probot: Probot, name: string, id: string, payload: object): Promise<void> {
  await probot.receive({ id, name, payload } as Delivery);
  await backlogs.get(probot)?.idle();
}
