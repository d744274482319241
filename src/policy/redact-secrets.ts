import { findSecretTokens } from "./secret-patterns.ts";
import { maskRanges, withoutOverlaps } from "./secret-ranges.ts";

/**
 * Replaces every token of a recognised shape (GitHub, OpenAI, AWS, Slack, private keys) with
 * `[redacted]`, placeholders included: over-redacting a trajectory costs nothing. The generic
 * entropy rule is left out, since it would blank hashes and ids a reader needs.
 */
export function redactSecrets(text: string): string {
  return maskRanges(text, withoutOverlaps(findSecretTokens(text)));
}
