export const REDACTED = "[redacted]";

/** Replaces every occurrence of each secret with a marker; the longest first, so a secret inside another goes too. */
export function redact(text: string, secrets: readonly string[]): string {
  const present = secrets.filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  return present.reduce((result, secret) => result.split(secret).join(REDACTED), text);
}
