import { REDACTED } from "../workspace/redact.ts";

export type Range = { start: number; end: number };

/** Sorted by position; a range overlapping an earlier one is dropped (the earlier pattern wins). */
export function withoutOverlaps<T extends Range>(ranges: T[]): T[] {
  const kept: T[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = kept.at(-1);
    if (!last || range.start >= last.end) kept.push(range);
  }
  return kept;
}

/** Replaces each range (sorted, not overlapping) with the redaction marker. */
export function maskRanges(text: string, ranges: Range[]): string {
  let masked = "";
  let from = 0;
  for (const { start, end } of ranges) {
    masked += text.slice(from, start) + REDACTED;
    from = end;
  }
  return masked + text.slice(from);
}
