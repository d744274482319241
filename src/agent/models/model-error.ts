import { redactSecrets } from "../../policy/redact-secrets.ts";

/**
 * Why the model cannot be used. `auth`, `unknown-model` and `bad-request` fail the run
 * at once; `unavailable` is what remains after transient failures were retried.
 * The message says what the operator should fix.
 */
export type ModelErrorKind = "auth" | "unknown-model" | "bad-request" | "unavailable";

export class ModelError extends Error {
  readonly kind: ModelErrorKind;

  constructor(kind: ModelErrorKind, message: string, options?: { cause?: unknown }) {
    // Providers quote the endpoint (with its password or `?api-key=`) and sometimes the key itself.
    super(redactSecrets(message), options);
    this.name = "ModelError";
    this.kind = kind;
  }
}
