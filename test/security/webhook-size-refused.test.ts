import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, test } from "@jest/globals";
import { createLogger } from "../../src/logger.ts";
import { threadLogger } from "../../src/intake/webhook-server/thread-log.ts";
import { waitFor } from "../helpers/process.ts";
import { inProcessServer, type InProcessServer } from "../intake/webhook-server/support/in-process-server.ts";
import { rawPost } from "./support/raw-post.ts";

/**
 * Attack: a stranger posts a 30 MB "webhook" (GitHub never sends more than 25 MB). Before,
 * the whole body was buffered and decoded before its signature was checked, and the refusal
 * logged it: the log grew by 94 MB and the process by ~500 MB per post. Now it is refused
 * with 413 before it is read, and leaves one short line.
 */
const MB = 1024 * 1024;
let running: InProcessServer | undefined;
afterEach(async () => {
  await running?.server.stop();
  running = undefined;
});

async function serverWithLog() {
  const written: string[] = [];
  const log = threadLogger(createLogger("info", "json", { write: (line) => written.push(line) }));
  running = await inProcessServer({ log });
  // The start-up line is not the attack's.
  written.length = 0;
  return { written, url: running.url };
}

const forgedHeaders = {
  "content-type": "application/json",
  "x-github-event": "issues",
  "x-github-delivery": "forged-30mb",
  "x-hub-signature-256": `sha256=${"0".repeat(64)}`,
};

describe("a forged 30 MB webhook", () => {
  test.each([
    ["with a Content-Length", false],
    ["chunked, without a Content-Length", true],
  ])("%s is refused with 413, logged as one line under 1 KB, and nothing is journalled", async (_how, chunked) => {
    const { written, url } = await serverWithLog();
    const answer = await rawPost({ url: url(), headers: forgedHeaders, bytes: 30 * MB, chunked });
    expect(answer.status).toBe(413);
    await waitFor("the access line", () => (written.length > 0 ? written : undefined), 5000);
    // Anything logged later (the payload, a stack) would come within this.
    await sleep(300);
    const lines = written;
    expect(lines).toHaveLength(1);
    expect(Buffer.byteLength(lines[0] ?? "")).toBeLessThan(1024);
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({ level: 40, status: 413, delivery: "forged-30mb" });
    expect(running?.accepted).toEqual([]);
  });

  test.each(["/api/github/webhooks", "/api/github/webhooks/", "/"])("announced by its Content-Length is refused before a byte of its body arrives, on %s", async (path) => {
    const { url } = await serverWithLog();
    const answer = await rawPost({ url: url(path), headers: forgedHeaders, bytes: 30 * MB, holdAfter: 0 });
    expect(answer.status).toBe(413);
  });
});

describe("a forged webhook under the cap", () => {
  test("is refused with 400 and logged as one line under 1 KB, without its payload or a stack", async () => {
    const { written, url } = await serverWithLog();
    const answer = await rawPost({ url: url(), headers: forgedHeaders, bytes: 1 * MB });
    expect(answer.status).toBe(400);
    await waitFor("the access line", () => (written.length > 0 ? written : undefined), 5000);
    await sleep(300);
    expect(written.map((line) => Buffer.byteLength(line) < 1024)).toEqual([true]);
    expect(JSON.parse(written[0] ?? "{}")).toMatchObject({ level: 40, status: 400 });
    expect(running?.accepted).toEqual([]);
  });
});
