import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { NewDelivery } from "../../tasks/model.ts";
import { isMissing } from "../../workspace/is-missing.ts";

/**
 * The webhook thread's journal: every verified delivery is appended here before GitHub gets
 * its answer, so the answer waits for neither SQLite nor the main thread. The main thread
 * moves deliveries into the store and deletes a segment once all of it is there; what a
 * crash left behind is imported at the next start. A segment is a file of JSON lines.
 */
export const JOURNAL_DIR = "webhook-journal";
/** A segment is closed and a new one begun past this size. */
export const DEFAULT_SEGMENT_BYTES = 4 * 1024 * 1024;

const SEGMENT_NAME = /^(\d{12})\.jsonl$/;

const JournalEntry = z.strictObject({
  id: z.string().min(1),
  event: z.string().min(1),
  payload: z.record(z.string(), z.unknown()),
});

export type Segment = { number: number; path: string };

export function segmentPath(dir: string, number: number): string {
  return join(dir, `${String(number).padStart(12, "0")}.jsonl`);
}

/** The journal's segments, oldest first. */
export function listSegments(dir: string): Segment[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  return names
    .flatMap((name) => {
      const match = SEGMENT_NAME.exec(name);
      return match ? [{ number: Number(match[1]), path: join(dir, name) }] : [];
    })
    .sort((a, b) => a.number - b.number);
}

export type AppendResult = {
  /** The segment the delivery went to. */
  segment: number;
  /** The segment closed to make room, if any: complete once the deliveries sent before it are stored. */
  closed?: number;
};

/** The webhook thread's side: appends, one write per delivery, and rolls over to new segments. */
export class JournalWriter {
  readonly #dir: string;
  readonly #segmentBytes: number;
  #segment: number;
  #fd: number;
  #bytes = 0;

  constructor(dir: string, options: { segmentBytes?: number } = {}) {
    this.#dir = dir;
    this.#segmentBytes = options.segmentBytes ?? DEFAULT_SEGMENT_BYTES;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Never an existing segment: one left by a crash is the main thread's to import.
    this.#segment = (listSegments(dir).at(-1)?.number ?? 0) + 1;
    this.#fd = this.#open();
  }

  /** The segment being written. */
  get segment(): number {
    return this.#segment;
  }

  /**
   * Written to the file (the operating system's cache) when this returns, as SQLite's WAL with
   * `synchronous = NORMAL` is at commit: it survives the process being killed, not a power cut.
   */
  append(delivery: NewDelivery): AppendResult {
    let closed: number | undefined;
    if (this.#bytes >= this.#segmentBytes) {
      closeSync(this.#fd);
      closed = this.#segment;
      this.#segment += 1;
      this.#fd = this.#open();
      this.#bytes = 0;
    }
    const line = Buffer.from(`${JSON.stringify({ id: delivery.id, event: delivery.event, payload: delivery.payload })}\n`);
    for (let written = 0; written < line.length; ) written += writeSync(this.#fd, line, written);
    this.#bytes += line.length;
    return closed === undefined ? { segment: this.#segment } : { segment: this.#segment, closed };
  }

  /** Closes the current segment; its number. */
  close(): number {
    closeSync(this.#fd);
    return this.#segment;
  }

  #open(): number {
    // Deliveries hold private issue text: owner-only, whatever the umask.
    return openSync(segmentPath(this.#dir, this.#segment), "a", 0o600);
  }
}

export type SegmentContents = {
  deliveries: NewDelivery[];
  /** Lines that are not a delivery (damaged by hand or by a disk fault); skipped. */
  invalidLines: number;
  /** The segment ends in a line cut short: a write the crash interrupted, never acknowledged. */
  torn: boolean;
};

/** Reads one segment for import. */
export function readSegment(path: string): SegmentContents {
  const text = readFileSync(path, "utf8");
  const lines = text.split("\n");
  // After the last newline: empty when the last write completed.
  const tail = lines.pop() ?? "";
  const deliveries: NewDelivery[] = [];
  let invalidLines = 0;
  for (const line of lines) {
    const entry = parseLine(line);
    if (entry) deliveries.push(entry);
    else invalidLines += 1;
  }
  return { deliveries, invalidLines, torn: tail.length > 0 };
}

function parseLine(line: string): NewDelivery | undefined {
  try {
    const entry = JournalEntry.safeParse(JSON.parse(line));
    return entry.success ? entry.data : undefined;
  } catch {
    return undefined;
  }
}

export function removeSegment(dir: string, number: number): void {
  try {
    unlinkSync(segmentPath(dir, number));
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}
