import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JournalWriter, listSegments, readSegment, removeSegment, segmentPath } from "../../../src/intake/webhook-server/journal.ts";

let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), "ferry-journal-")), "webhook-journal");
});
afterEach(() => rmSync(join(dir, ".."), { recursive: true, force: true }));

const delivery = (id: string, issue = 1) => ({ id, event: "issues", payload: { action: "labeled", issue: { number: issue }, text: "x".repeat(100) } });

describe("JournalWriter", () => {
  test("appends each delivery as one line, in order, to a segment readSegment gives back", () => {
    const writer = new JournalWriter(dir);
    expect(writer.append(delivery("a"))).toEqual({ segment: 1 });
    expect(writer.append(delivery("b", 2))).toEqual({ segment: 1 });
    writer.close();
    expect(readSegment(segmentPath(dir, 1))).toEqual({ deliveries: [delivery("a"), delivery("b", 2)], invalidLines: 0, torn: false });
  });

  test("a delivery is in the file as soon as append returns, before the writer is closed (a kill -9 keeps it)", () => {
    const writer = new JournalWriter(dir);
    writer.append(delivery("a"));
    expect(readSegment(segmentPath(dir, 1)).deliveries.map((entry) => entry.id)).toEqual(["a"]);
    writer.close();
  });

  test("past the segment size it closes the segment, says which, and writes the next delivery to a new one", () => {
    const writer = new JournalWriter(dir, { segmentBytes: 200 });
    expect(writer.append(delivery("a"))).toEqual({ segment: 1 });
    expect(writer.append(delivery("b"))).toEqual({ segment: 1 });
    expect(writer.append(delivery("c"))).toEqual({ segment: 2, closed: 1 });
    expect(writer.close()).toBe(2);
    expect(listSegments(dir).map((segment) => segment.number)).toEqual([1, 2]);
    expect(readSegment(segmentPath(dir, 1)).deliveries.map((entry) => entry.id)).toEqual(["a", "b"]);
    expect(readSegment(segmentPath(dir, 2)).deliveries.map((entry) => entry.id)).toEqual(["c"]);
  });

  test("never writes to a segment it finds on disk: those are a crashed process's, for the import", () => {
    const first = new JournalWriter(dir);
    first.append(delivery("before-crash"));
    // No close: the process died.
    const second = new JournalWriter(dir);
    expect(second.segment).toBe(2);
    second.append(delivery("after-restart"));
    second.close();
    expect(readSegment(segmentPath(dir, 1)).deliveries.map((entry) => entry.id)).toEqual(["before-crash"]);
  });
});

describe("listSegments and readSegment", () => {
  test("lists segments by number (not by name length), ignores other files, and is empty without a directory", () => {
    expect(listSegments(dir)).toEqual([]);
    new JournalWriter(dir).close();
    writeFileSync(segmentPath(dir, 10), "");
    writeFileSync(segmentPath(dir, 9), "");
    writeFileSync(join(dir, "notes.txt"), "");
    expect(listSegments(dir).map((segment) => segment.number)).toEqual([1, 9, 10]);
  });

  test("a last line cut short is reported as torn and not returned; lines that are not deliveries are counted and skipped", () => {
    const writer = new JournalWriter(dir);
    writer.append(delivery("a"));
    writer.close();
    const path = segmentPath(dir, 1);
    writeFileSync(path, `not json\n${JSON.stringify({ id: "", event: "issues", payload: {} })}\n${JSON.stringify({ id: "b", event: "issues", payload: [] })}\n{"id":"c","ev`, { flag: "a" });
    expect(readSegment(path)).toEqual({ deliveries: [delivery("a")], invalidLines: 3, torn: true });
  });

  test("removeSegment deletes a segment and ignores one already gone", () => {
    new JournalWriter(dir).close();
    removeSegment(dir, 1);
    expect(existsSync(segmentPath(dir, 1))).toBe(false);
    expect(() => removeSegment(dir, 1)).not.toThrow();
  });
});
