import { errorMessage } from "../error-message.ts";
import { redactKnownSecrets } from "../policy/redact-secrets.ts";

export type CheckStatus = "ok" | "fail" | "skip";
export type CheckResult = { status: CheckStatus; detail: string };

/** One thing `ferry doctor` looks at. `signal` aborts when the check's time is up. */
export type Check = { name: string; run(signal: AbortSignal): Promise<CheckResult> };

export const ok = (detail: string): CheckResult => ({ status: "ok", detail });
export const fail = (detail: string): CheckResult => ({ status: "fail", detail });
export const skip = (detail: string): CheckResult => ({ status: "skip", detail });

/**
 * Runs a check within `timeoutMs`: a hanging endpoint is a failure that says how long it was
 * given, never a hang; a check that throws fails with its message, secrets redacted.
 */
export async function runCheck(check: Check, timeoutMs: number): Promise<CheckResult> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error("timed out"));
      resolve(fail(`no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
  });
  const answer = check.run(controller.signal).catch((error: unknown) => fail(errorMessage(error)));
  try {
    const result = await Promise.race([answer, late]);
    return { ...result, detail: redactKnownSecrets(result.detail) };
  } finally {
    clearTimeout(timer);
  }
}

/** fetch says only `fetch failed`; the socket's words (`connect ECONNREFUSED 127.0.0.1:9`) are in its cause. */
export function connectionProblem(error: unknown): string {
  let inner = error;
  // Duck-typed: errors from undici or another realm are not this realm's Error.
  for (let next = causeOf(inner); next !== undefined; next = causeOf(inner)) inner = next;
  return errorMessage(inner);
}

function causeOf(error: unknown): unknown {
  if (typeof error !== "object" || error === null) return undefined;
  if ("errors" in error && Array.isArray(error.errors) && error.errors.length > 0) return error.errors[0];
  return "cause" in error && typeof error.cause === "object" && error.cause !== null ? error.cause : undefined;
}
