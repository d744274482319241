import { shannonEntropy } from "./entropy.ts";
import { isMadeUpValue } from "./placeholder.ts";
import type { SecretMatch } from "./secret-patterns.ts";

export const GENERIC_KIND = "generic-secret";

const SECRET_WORD = /password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential/i;
/**
 * `key = value`, `key: "value"`, `"key": 'value'`, `key := value`, `key => value`. The value is in
 * the characters random tokens are written in (hex, base64, base64url, UUIDs, JWTs). Bounded, and a
 * key starts only where a name starts: unbounded runs made this quadratic on long lines.
 */
const ASSIGNMENT = /(?<![A-Za-z0-9_.-])(?<key>[A-Za-z0-9_.-]{1,100})["']?[ \t]{0,8}(?::=|=>|[:=])[ \t]{0,8}(?<quote>["'`]?)(?<secret>[A-Za-z0-9+/=_\-.~]{1,512})\k<quote>/dg;
/** What may come before a key that starts its line: indentation, `export `, a YAML list dash, a quote. */
const KEY_STARTS_LINE = /^\s*(?:export\s+|-\s+)?["']?$/;
const MIN_LENGTH = 16;
const MIN_ENTROPY = 3.5;

/**
 * A long, random-looking value assigned to a secret-named key (`apiToken = "…"`, `PASSWORD=…`,
 * `"client_secret": "…"`). An unquoted value counts only where the key starts the line, as in
 * `.env` or YAML files, since in code an unquoted value is an expression.
 */
export function findGenericSecrets(line: string): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const match of line.matchAll(ASSIGNMENT)) {
    const { key = "", quote = "", secret = "" } = match.groups ?? {};
    const range = match.indices?.groups?.secret;
    if (!range || !SECRET_WORD.test(key) || !looksRandom(secret)) continue;
    if (quote === "" && !KEY_STARTS_LINE.test(line.slice(0, match.index))) continue;
    found.push({ kind: GENERIC_KIND, start: range[0], end: range[1], placeholders: true });
  }
  return found;
}

function looksRandom(value: string): boolean {
  if (value.length < MIN_LENGTH || isMadeUpValue(value)) return false;
  if (!/[A-Za-z]/.test(value) || !/\d/.test(value) || looksLikeName(value)) return false;
  return shannonEntropy(value) >= MIN_ENTROPY;
}

/** `projects/12/keys`, `MY_APP_TOKEN`, `v1.2.3`: words and numbers, not randomness. */
function looksLikeName(value: string): boolean {
  return value.split(/[/._\-~]+/).every((segment) => /^(?:[A-Za-z]+|\d+)?$/.test(segment));
}
