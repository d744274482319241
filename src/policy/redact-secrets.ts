import { findKnownSecrets } from "./known-secrets.ts";
import { findSecretTokens } from "./secret-patterns.ts";
import { maskRanges } from "./secret-ranges.ts";
import { findUrlCredentials } from "./url-credentials.ts";

/**
 * Replaces with `[redacted]` every secret recognised by shape (secretlint's rules and Ferry's
 * patterns, placeholders included: over-redacting costs nothing), every credential in a URL, and
 * every one of Ferry's own secrets by value. For trajectories, logs, status comments, PR bodies
 * and error text. The generic entropy rule is left out, since it would blank hashes and ids a
 * reader needs.
 */
export function redactSecrets(text: string): string {
  return maskRanges(text, [...findSecretTokens(text), ...findUrlCredentials(text)]);
}

/**
 * Only Ferry's own secrets (by value) and URL credentials: cheap enough for every log line,
 * where redactSecrets' rule set would cost a webhook's answer time.
 */
export function redactKnownSecrets(text: string): string {
  return maskRanges(text, [...findKnownSecrets(text), ...findUrlCredentials(text)]);
}
