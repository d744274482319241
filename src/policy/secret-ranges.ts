/* Masking secrets in text: by value where they are known (`redact`), by range where they were found (`maskRanges`). */

export const REDACTED = "[redacted]";

/** Replaces every occurrence of each secret with a marker; the longest first, so a secret inside another goes too. */
export function redact(text: string, secrets: readonly string[]): string {
  const present = secrets.filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  return present.reduce((result, secret) => result.split(secret).join(REDACTED), text);
}

export type Range = { start: number; end: number };

/** Sorted by position; a range overlapping an earlier one is dropped (the earlier pattern wins): one finding per secret. */
export function withoutOverlaps<T extends Range>(ranges: T[]): T[] {
  const kept: T[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = kept.at(-1);
    if (!last || range.start >= last.end) kept.push(range);
  }
  return kept;
}

/** Sorted, overlapping ranges joined: what must be masked is every character any of them covers. */
export function mergedRanges(ranges: Range[]): Range[] {
  const merged: Range[] = [];
  for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

/** Replaces each range with the redaction marker; overlapping ranges count as one. */
export function maskRanges(text: string, ranges: Range[]): string {
  let masked = "";
  let from = 0;
  for (const { start, end } of mergedRanges(ranges)) {
    masked += text.slice(from, start) + REDACTED;
    from = end;
  }
  return masked + text.slice(from);
}
