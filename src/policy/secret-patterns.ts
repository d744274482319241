/**
 * The secrets Ferry recognises by their shape: one list for the push-blocking scan and the
 * trajectory redaction. Where a pattern needs context (a key name before the value), the
 * named group `secret` marks the part that is the secret.
 */
export type SecretPattern = {
  kind: string;
  regex: RegExp;
  /** Whether an obvious placeholder (`AKIA…EXAMPLE`, `ghp_xxxx…`) is skipped by the scan. */
  placeholders: boolean;
};

export type SecretMatch = { kind: string; start: number; end: number; placeholders: boolean };

const PEM_LABEL = "[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?";
// The body counts as part of the key, in real or `\n`-escaped (JSON) newlines.
const PEM_GAP = String.raw`(?:\s|\\[rn])+`;
const PEM = `-----BEGIN ${PEM_LABEL}-----(?:${PEM_GAP}(?:[A-Za-z0-9+/=]{8,}|[A-Za-z-]+:[^\\n\\\\]*))*(?:${PEM_GAP}-----END ${PEM_LABEL}-----)?`;

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { kind: "github-token", regex: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{50,255})\b/dg, placeholders: true },
  { kind: "openai-key", regex: /\bsk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}|[A-Za-z0-9]{32,})(?![A-Za-z0-9_-])/dg, placeholders: true },
  { kind: "aws-access-key-id", regex: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/dg, placeholders: true },
  {
    kind: "aws-secret-access-key",
    regex: /(?:aws_?secret_?(?:access_?)?key|secret_?access_?key)["']?\s*(?::=|=>|[:=])\s*["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/dgi,
    placeholders: true,
  },
  { kind: "slack-token", regex: /\bxox[abposr]-[A-Za-z0-9-]{10,}/dg, placeholders: true },
  { kind: "slack-webhook", regex: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{20,}/dg, placeholders: true },
  { kind: "private-key", regex: new RegExp(PEM, "dg"), placeholders: false },
];

/** Every recognised secret in `text`, by position. */
export function findSecretTokens(text: string): SecretMatch[] {
  return SECRET_PATTERNS.flatMap(({ kind, regex, placeholders }) =>
    [...text.matchAll(regex)].map((match) => {
      const [start, end] = match.indices?.groups?.secret ?? match.indices?.[0] ?? [match.index, match.index + match[0].length];
      return { kind, start, end, placeholders };
    }),
  );
}
