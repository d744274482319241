import { generateKeyPairSync } from "node:crypto";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { createApp } from "../../src/app.ts";
import type { IntakeDeps } from "../../src/github/intake.ts";

let privateKey: string | undefined;

/** A throwaway RSA key, so App authentication (JWT → installation token) runs for real. */
export function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  return privateKey;
}

export const silentLog = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });

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
  probot.load(createApp(deps));
  return probot;
}

type Delivery = Parameters<Probot["receive"]>[0];

/**
 * Delivers a webhook the way Probot's server does after verifying it. Fixtures are
 * example JSON, so their static type is loose; Ferry parses every payload with zod anyway.
 */
export function deliver(probot: Probot, name: string, id: string, payload: object): Promise<void> {
  return probot.receive({ id, name, payload } as Delivery);
}
