import { type Env, loadEnvOrExit } from "../config/env.ts";
import { type Check, type CheckResult, runCheck } from "./doctor-check.ts";
import { databaseCheck } from "./doctor-database.ts";
import { dockerCheck } from "./doctor-docker.ts";
import { gitHubCheck } from "./doctor-github.ts";
import { modelCheck } from "./doctor-model.ts";
import { queueCheck } from "./doctor-queue.ts";

export const DOCTOR_USAGE = `Usage: ferry doctor

Checks what Ferry needs, with the settings of this environment (and ./.env), one line each:
the database, the queue, Docker and the sandbox image, the GitHub App's credentials and the
model endpoint. Exits 1 when any check fails. Each check gives up after 10 seconds.`;

export const CHECK_TIMEOUT_MS = 10_000;

/** Every check, in the order a start-up needs them. */
export function doctorChecks(env: Env): Check[] {
  return [databaseCheck(env), queueCheck(env), dockerCheck(env.sandbox), gitHubCheck(env), modelCheck(env.model)];
}

/**
 * `ferry doctor`: runs the checks at once (each with its own time limit), prints one line per
 * check in order, and returns the exit code: 1 when any failed, else 0.
 */
export async function runDoctor(checks: readonly Check[], out: (text: string) => void, timeoutMs = CHECK_TIMEOUT_MS): Promise<number> {
  const results = await Promise.all(checks.map((check) => runCheck(check, timeoutMs)));
  const width = Math.max(...checks.map((check) => check.name.length));
  checks.forEach((check, index) => out(`${line(check.name.padEnd(width), results[index])}\n`));
  return results.some((result) => result?.status === "fail") ? 1 : 0;
}

function line(name: string, result: CheckResult | undefined): string {
  return `${(result?.status ?? "fail").padEnd(4)}  ${name}  ${result?.detail ?? "did not run"}`;
}

/** `ferry doctor [--help]` from the command line; returns the exit code (2 for a usage problem). */
export async function doctorCommand(argv: readonly string[], io: { out(text: string): void; err(text: string): void }): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) return (io.out(`${DOCTOR_USAGE}\n`), 0);
  if (argv.length > 0) return (io.err(`ferry doctor: unexpected argument "${argv[0]}"\n\n${DOCTOR_USAGE}\n`), 2);
  return runDoctor(doctorChecks(loadEnvOrExit()), io.out);
}
