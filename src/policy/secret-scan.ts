import { REDACTED } from "../workspace/redact.ts";
import { findGenericSecrets } from "./generic-secret.ts";
import { isPlaceholder } from "./placeholder.ts";
import type { SecretMatch } from "./secret-patterns.ts";
import { findSecretTokens } from "./secret-patterns.ts";
import { maskRanges, withoutOverlaps } from "./secret-ranges.ts";
import { parseUnifiedDiff } from "./unified-diff.ts";

/** `line` is the line number in the new file; `excerpt` is that line with every secret masked. */
export type SecretFinding = { path: string; line: number; kind: string; excerpt: string };

const EXCERPT_CHARS = 160;

/** The secrets that lines added by a `git diff` patch would push; removed and context lines are not looked at. */
export function scanPatchForSecrets(patch: string): SecretFinding[] {
  return parseUnifiedDiff(patch).flatMap((file) =>
    file.added.flatMap(({ line, text }) => {
      const secrets = secretsOnLine(text);
      const masked = maskRanges(text, secrets);
      return secrets.map(({ kind }) => ({ path: file.path, line, kind, excerpt: excerptOf(masked) }));
    }),
  );
}

function secretsOnLine(text: string): SecretMatch[] {
  const recognised = findSecretTokens(text).filter((match) => !match.placeholders || !isPlaceholder(text.slice(match.start, match.end)));
  return withoutOverlaps([...recognised, ...findGenericSecrets(text)]);
}

/** A long line (minified code, a data URL) is cut around its first masked secret. */
function excerptOf(masked: string): string {
  const text = masked.trim();
  if (text.length <= EXCERPT_CHARS) return text;
  const start = Math.max(0, text.indexOf(REDACTED) - EXCERPT_CHARS / 2);
  const end = start + EXCERPT_CHARS;
  return `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
}
