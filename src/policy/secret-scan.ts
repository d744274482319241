import { findGenericSecrets } from "./generic-secret.ts";
import { isPlaceholder } from "./placeholder.ts";
import type { SecretMatch } from "./secret-patterns.ts";
import { findSecretTokens } from "./secret-patterns.ts";
import { maskRanges, REDACTED, withoutOverlaps } from "./secret-ranges.ts";
import type { DiffLine } from "./unified-diff.ts";
import { parseUnifiedDiff } from "./unified-diff.ts";

/** `line` is the line number in the new file; `excerpt` is that line with every secret masked. */
export type SecretFinding = { path: string; line: number; kind: string; excerpt: string };

const EXCERPT_CHARS = 160;

/** The secrets in a whole blob's text: a file as it will be pushed, every line of it. */
export function scanTextForSecrets(path: string, text: string): SecretFinding[] {
  return scanLines(path, text.split("\n").map((line, index) => ({ line: index + 1, text: line.endsWith("\r") ? line.slice(0, -1) : line })));
}

/** The secrets that lines added by a `git diff` patch would push; removed and context lines are not looked at. */
export function scanPatchForSecrets(patch: string): SecretFinding[] {
  return parseUnifiedDiff(patch).flatMap((file) => scanLines(file.path, file.added));
}

/**
 * Consecutive lines are scanned as one text, so a secret written over several lines (a private
 * key, a JSON credential file) is seen whole; each finding is reported on its first line.
 */
function scanLines(path: string, lines: DiffLine[]): SecretFinding[] {
  return runsOf(lines).flatMap((run) => {
    const text = run.map((line) => line.text).join("\n");
    const starts = lineStarts(run);
    const secrets = secretsIn(path, text, starts);
    const touching = secretsByLine(secrets, starts);
    // One excerpt per line, however many secrets it holds (a minified bundle).
    const excerpts = new Map<number, string>();
    return secrets.map(({ kind, start }) => {
      const index = lineIndexOf(starts, start);
      const excerpt = excerpts.get(index) ?? excerptOf(text, starts, index, touching.get(index) ?? []);
      excerpts.set(index, excerpt);
      return { path, line: run[index]?.line ?? 0, kind, excerpt };
    });
  });
}

/** The index of the line holding `offset`: the last line start at or before it. */
function lineIndexOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** For each line, the secrets that touch it (a private key touches several). */
function secretsByLine(secrets: SecretMatch[], starts: number[]): Map<number, SecretMatch[]> {
  const byLine = new Map<number, SecretMatch[]>();
  for (const secret of secrets) {
    const last = lineIndexOf(starts, Math.max(secret.start, secret.end - 1));
    for (let index = lineIndexOf(starts, secret.start); index <= last; index++) {
      const onLine = byLine.get(index);
      if (onLine) onLine.push(secret);
      else byLine.set(index, [secret]);
    }
  }
  return byLine;
}

function secretsIn(path: string, text: string, starts: number[]): SecretMatch[] {
  const recognised = findSecretTokens(text, path).filter((match) => !match.placeholders || !isPlaceholder(text.slice(match.start, match.end)));
  const generic = starts.flatMap((start, index) => {
    const end = starts[index + 1] === undefined ? text.length : (starts[index + 1] ?? 0) - 1;
    return findGenericSecrets(text.slice(start, end)).map((match) => ({ ...match, start: match.start + start, end: match.end + start }));
  });
  return withoutOverlaps([...recognised, ...generic]);
}

/** Runs of lines numbered one after the other. */
function runsOf(lines: DiffLine[]): DiffLine[][] {
  const runs: DiffLine[][] = [];
  for (const line of lines) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && line.line === last.line + 1) run.push(line);
    else runs.push([line]);
  }
  return runs;
}

function lineStarts(run: DiffLine[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const { text } of run) {
    starts.push(offset);
    offset += text.length + 1;
  }
  return starts;
}

/** The finding's line with every secret touching it masked; a long line (minified code, a data URL) is cut around its first mask. */
function excerptOf(text: string, starts: number[], index: number, touching: SecretMatch[]): string {
  const lineStart = starts[index] ?? 0;
  const lineEnd = starts[index + 1] === undefined ? text.length : (starts[index + 1] ?? 0) - 1;
  const onLine = touching.map(({ start, end }) => ({ start: Math.max(start, lineStart) - lineStart, end: Math.min(end, lineEnd) - lineStart }));
  const masked = maskRanges(text.slice(lineStart, lineEnd), onLine).trim();
  if (masked.length <= EXCERPT_CHARS) return masked;
  const start = Math.max(0, masked.indexOf(REDACTED) - EXCERPT_CHARS / 2);
  const end = start + EXCERPT_CHARS;
  return `${start > 0 ? "…" : ""}${masked.slice(start, end)}${end < masked.length ? "…" : ""}`;
}
