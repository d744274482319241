import type { SecretMatch } from "./secret-patterns.ts";

/*
 * Ferry's own secrets (the model key, the webhook secret, the App's private key, the
 * installation tokens it issued), remembered by value where they are loaded, so that they are
 * redacted wherever they would be written and a diff that contains one is never pushed,
 * whatever their shape. Process-wide on purpose: every writer reads the same registry.
 */

export const KNOWN_SECRET_KIND = "ferry-secret";

/** Shorter values would blank ordinary words out of every log line; they are not worth a secret's name. */
export const MIN_SECRET_LENGTH = 8;

/** Issued tokens expire within the hour; the oldest are forgotten past this many, so a long-lived server's list stays short. */
const MAX_SHORT_LIVED = 256;

const lasting = new Set<string>();
/** By value, oldest first: each value's forms. */
const shortLived = new Map<string, string[]>();
let longestFirst: string[] = [];

/** Remembers a secret for the life of the process (configuration: the model key, the webhook secret, the App's key). */
export function rememberSecret(value: string | undefined): void {
  for (const form of formsOf(value)) lasting.add(form);
  refresh();
}

/** Remembers a secret that expires (an installation token), among the most recent ones. */
export function rememberShortLivedSecret(value: string | undefined): void {
  const forms = formsOf(value);
  const [key] = forms;
  if (key === undefined) return;
  shortLived.delete(key);
  shortLived.set(key, forms);
  for (const oldest of shortLived.keys()) {
    if (shortLived.size <= MAX_SHORT_LIVED) break;
    shortLived.delete(oldest);
  }
  refresh();
}

/** The value, and the forms it takes when written into JSON or a URL; a PEM key's lines too (a log of `cat key.pem`). */
function formsOf(value: string | undefined): string[] {
  const trimmed = value?.trim() ?? "";
  if (trimmed.length < MIN_SECRET_LENGTH) return [];
  const lines = trimmed.includes("\n") ? trimmed.split(/\r?\n/).filter((line) => line.length >= 32 && !line.startsWith("-----")) : [];
  return [trimmed, JSON.stringify(trimmed).slice(1, -1), encodeURIComponent(trimmed), ...lines];
}

function refresh(): void {
  longestFirst = [...new Set([...lasting, ...[...shortLived.values()].flat()])].sort((a, b) => b.length - a.length);
}

/** The password and the query values of a URL (`https://user:pw@host/v1?api-key=…`): an endpoint's credentials. */
export function rememberUrlSecrets(url: string | undefined): void {
  if (url === undefined || !URL.canParse(url)) return;
  const parsed = new URL(url);
  rememberSecret(decodeURIComponent(parsed.password));
  for (const value of parsed.searchParams.values()) rememberSecret(value);
}

/** Where each remembered secret occurs in `text`. */
export function findKnownSecrets(text: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const secret of longestFirst) {
    for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + secret.length)) {
      found.push({ kind: KNOWN_SECRET_KIND, start: at, end: at + secret.length, placeholders: false });
    }
  }
  return found;
}
