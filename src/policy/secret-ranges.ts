import { REDACTED } from "../workspace/redact.ts";

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
