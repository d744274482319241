import { STATUS_CODES } from "node:http";
import { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import { z } from "zod";
import { redactSecrets } from "../../policy/redact-secrets.ts";
import { ModelError } from "./model-error.ts";
import type { ModelTarget } from "./model-target.ts";
import { retryAfterMs } from "./retry-after.ts";
import type { Failure } from "./retry.ts";

const RETRYABLE_STATUSES = new Set([408, 409, 429]);
const ErrorBody = z.object({ message: z.string() });
const MODEL_NOT_FOUND = /model.*(not found|does not exist)|unknown model|no such model/i;

/** Sorts what the SDK threw: transient faults are retried, everything else fails the run with advice. */
export function classifyFailure(error: unknown, target: ModelTarget): Failure {
  if (error instanceof APIConnectionTimeoutError) return { kind: "transient", reason: "request timed out" };
  if (error instanceof APIConnectionError) return { kind: "transient", reason: `connection failed (${rootMessage(error)})` };
  if (!(error instanceof APIError) || error.status === undefined) {
    return { kind: "fatal", error: error instanceof Error ? error : new Error(String(error)) };
  }
  const status = error.status;
  const said = redactSecrets(providerMessage(error));
  const detail = `${status}${said ? `: ${said}` : ""}`;
  // A 429 for an empty account will not pass with waiting.
  if (error.code === "insufficient_quota") {
    return fatal(
      "auth",
      `${target.endpoint} says the account has no quota left (${detail}). Check the billing of the account behind OPENAI_API_KEY.`,
    );
  }
  if (status >= 500 || RETRYABLE_STATUSES.has(status)) {
    const reason = `${status} ${STATUS_CODES[status] ?? "error"}${said ? `: ${said}` : ""}`;
    return { kind: "transient", reason, retryAfterMs: retryAfterMs(error.headers) };
  }
  if (status === 401 || status === 403) {
    return fatal(
      "auth",
      `${target.endpoint} refused the request (${detail}). Check OPENAI_API_KEY: it must be a key that ${target.baseUrl} accepts.`,
    );
  }
  if (status === 404 || error.code === "model_not_found" || MODEL_NOT_FOUND.test(said)) {
    const otherApi = target.api === "responses" ? ", or set FERRY_MODEL_API=chat if the server has no Responses API" : "";
    return fatal(
      "unknown-model",
      `FERRY_MODEL=${target.model} is not served by ${target.baseUrl} (${detail}). Set FERRY_MODEL to a model that server offers${otherApi}.`,
    );
  }
  return fatal("bad-request", `${target.endpoint} rejected the request (${detail}).`);

  function fatal(kind: ModelError["kind"], message: string): Failure {
    return { kind: "fatal", error: new ModelError(kind, message, { cause: error }) };
  }
}

/**
 * The provider's own words: `{"error": {"message": …}}` in OpenAI's format, else the text the
 * SDK kept in its message after the status ("(no body)" when it kept nothing).
 */
function providerMessage(error: APIError): string {
  const body = ErrorBody.safeParse(error.error);
  if (body.success) return body.data.message;
  const text = error.message.replace(/^\d{3} /, "");
  return text === "status code (no body)" ? "" : text;
}

/**
 * The innermost cause says what happened ("other side closed"); the outer ones say "fetch
 * failed". Read by shape, since fetch's errors may come from another realm.
 */
function rootMessage(error: Error): string {
  let message = error.message;
  let current: unknown = error.cause;
  for (let depth = 0; depth < 8 && typeof current === "object" && current !== null; depth++) {
    if ("message" in current && typeof current.message === "string" && current.message) message = current.message;
    current = "cause" in current ? current.cause : undefined;
  }
  return redactSecrets(message);
}
