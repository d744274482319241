import { describe, expect, test } from "@jest/globals";
import { HeadTailBuffer } from "../../src/sandbox/shell/head-tail-buffer.ts";

describe("HeadTailBuffer", () => {
  test("output within the limit is kept whole", () => {
    const buffer = new HeadTailBuffer(100);
    buffer.push(Buffer.from("hello "));
    buffer.push(Buffer.from("world"));
    expect([buffer.text(), buffer.truncated]).toEqual(["hello world", false]);
  });

  test("output beyond the limit keeps the head and the tail and says how many bytes were cut", () => {
    const buffer = new HeadTailBuffer(10);
    for (const chunk of ["abc", "defgh", "ijklmnopq", "rstuvwxyz"]) buffer.push(Buffer.from(chunk));
    expect(buffer.truncated).toBe(true);
    expect(buffer.text()).toBe("abcde\n[… 16 bytes of output cut; the first and last 5 bytes are kept …]\nvwxyz");
  });

  test("a hundred megabytes in small chunks retain no more than the limit", () => {
    const buffer = new HeadTailBuffer(4096);
    const chunk = Buffer.alloc(64 * 1024, "x");
    for (let i = 0; i < 1600; i++) buffer.push(chunk);
    expect(buffer.totalBytes).toBe(1600 * 64 * 1024);
    expect(buffer.retainedBytes).toBe(4096);
  });
});
