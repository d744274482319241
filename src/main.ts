import { existsSync } from "node:fs";
import { run } from "probot";
import { describeEnv } from "./config/describe-env.ts";
import { loadEnvOrExit } from "./config/env.ts";
import { localSandboxRefusal } from "./config/local-sandbox-consent.ts";
import { createLogger } from "./logger.ts";
import { installFaultPolicy } from "./fault-policy.ts";
import { roleRefusal, startFerry } from "./start.ts";
import type { Role } from "./start.ts";
import { exitIfStopHangs } from "./stop-deadline.ts";

// Probot's setup flow writes the App's credentials to .env; a restart picks them up here.
if (existsSync(".env")) process.loadEnvFile(".env");

// Everything Ferry writes (database, journal, mirrors, checkouts, trajectories) is its user's alone.
process.umask(0o077);

// bin/ferry.js passes the command: `start` (every role, what npm start runs), `server` or `worker`.
const ROLES: Record<string, Role> = { start: "all", server: "server", worker: "worker" };
const command = process.argv[2] ?? "start";
const role = Object.hasOwn(ROLES, command) ? ROLES[command] : undefined;
if (!role) {
  process.stderr.write(`ferry: unknown command "${command}" (start, server or worker)\n`);
  process.exit(2);
}

const env = loadEnvOrExit();
const refusal = roleRefusal(role, env) ?? (role === "server" ? undefined : localSandboxRefusal(env.sandbox));
if (refusal) {
  process.stderr.write(`ferry: ${refusal}\n`);
  process.exit(1);
}
const log = createLogger(env.logLevel, env.logFormat);
// Before anything starts, so a fault during start-up is logged and ends the process too.
let stopFerry: (() => Promise<void>) | undefined;
installFaultPolicy({ log, stop: () => stopFerry?.() });
// Listening for the stop signals before start-up too: the webhook thread answers /ping a moment
// before startFerry returns, and a SIGTERM then must still stop Ferry cleanly (exit 0). The stop
// deadline starts at the signal, so a start-up that hangs still ends.
const signalled = Promise.withResolvers<void>();
const onSignal = (signal: string) => {
  log.info({ signal }, "stopping Ferry; running tasks and webhook deliveries cut off resume at the next start");
  exitIfStopHangs(log);
  signalled.resolve();
};
process.once("SIGTERM", () => onSignal("SIGTERM"));
process.once("SIGINT", () => onSignal("SIGINT"));
log.info({ role, env: describeEnv(env) }, "starting Ferry");

if (!env.app) {
  log.warn("No GitHub App credentials (APP_ID and PRIVATE_KEY): starting Probot's setup flow to register the App");
  // The setup flow keeps nothing of its own to stop.
  void signalled.promise.then(() => process.exit(0));
  await run(() => {}, { env: process.env });
} else {
  const ferry = await startFerry(env, env.app, log, { role });
  stopFerry = () => ferry.stop();
  void signalled.promise.then(async () => {
    await ferry.stop();
    process.exit(0);
  });
  void ferry.failed.then(async (error) => {
    log.fatal({ err: error }, "the webhook thread died, so webhooks go unanswered; stopping Ferry (restart it: accepted deliveries and tasks resume)");
    exitIfStopHangs(log);
    await ferry.stop().finally(() => process.exit(1));
  });
}
