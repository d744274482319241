import { findKnownSecrets } from "./known-secrets.ts";
import { findPresetSecrets } from "./preset-secrets.ts";

/**
 * What secretlint's recommended rules do not cover (yet), by shape. Where a pattern needs
 * context, the named group `secret` marks the part that is the secret.
 */
export type SecretPattern = {
  kind: string;
  regex: RegExp;
  /** Whether an obvious placeholder (`sk-xxxx…`) is skipped by the scan. */
  placeholders: boolean;
};

export type SecretMatch = { kind: string; start: number; end: number; placeholders: boolean };

const PEM_LABEL = "[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?";
// The body counts as part of the key, in real or `\n`-escaped (JSON) newlines.
const PEM_GAP = String.raw`(?:\s|\\[rn])+`;
const PEM = `-----BEGIN ${PEM_LABEL}-----(?:${PEM_GAP}(?:[A-Za-z0-9+/=]{8,}|[A-Za-z-]+:[^\\n\\\\]*))*(?:${PEM_GAP}-----END ${PEM_LABEL}-----)?`;
const TOKEN_END = "(?![A-Za-z0-9_-])";

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { kind: "openrouter-key", regex: new RegExp(`\\bsk-or-v1-[0-9a-f]{64}${TOKEN_END}`, "dg"), placeholders: true },
  // Admin and OAuth keys, which the preset's rule (API keys only) leaves out.
  { kind: "anthropic-key", regex: new RegExp(`\\bsk-ant-[a-z]+\\d{2}-[A-Za-z0-9_-]{32,}${TOKEN_END}`, "dg"), placeholders: true },
  // OpenAI keys without the marker the preset's rule needs, and the OpenAI-compatible providers' `sk-` keys.
  { kind: "openai-key", regex: new RegExp(`\\bsk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}|[A-Za-z0-9]{32,})${TOKEN_END}`, "dg"), placeholders: true },
  { kind: "google-api-key", regex: new RegExp(`\\bAIza[0-9A-Za-z_-]{35}${TOKEN_END}`, "dg"), placeholders: true },
  { kind: "jwt", regex: new RegExp(`\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*${TOKEN_END}`, "dg"), placeholders: true },
  // The preset wants a whole, well-formed key; a key's first line alone, or a JSON-escaped one, is enough here.
  { kind: "private-key", regex: new RegExp(PEM, "dg"), placeholders: false },
];

/** Every secret recognised in `text` by shape (the preset and the patterns above) or by value (Ferry's own), by position. */
export function findSecretTokens(text: string, path = ""): SecretMatch[] {
  const patterned = SECRET_PATTERNS.flatMap(({ kind, regex, placeholders }) =>
    [...text.matchAll(regex)].map((match) => {
      const [start, end] = match.indices?.groups?.secret ?? match.indices?.[0] ?? [match.index, match.index + match[0].length];
      return { kind, start, end, placeholders };
    }),
  );
  return [...findKnownSecrets(text), ...findPresetSecrets(path, text), ...patterned];
}
