import { Writable } from "node:stream";
import { afterEach, describe, expect, test } from "@jest/globals";
import { pino } from "pino";
import { threadLogger } from "../../../src/intake/webhook-server/thread-log.ts";
import { redaction } from "../../../src/logger.ts";
import { waitFor } from "../../helpers/process.ts";
import { inProcessServer, SECRET, type InProcessServer } from "./support/in-process-server.ts";
import { signedDelivery, webhookRequest } from "./support/signed-webhook.ts";

let running: InProcessServer | undefined;
afterEach(async () => {
  await running?.server.stop();
  running = undefined;
});

/** The thread's logger over a root like createLogger's, writing JSON lines to memory. */
function capturedThreadLog(level = "info") {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  return { lines, log: threadLogger(pino({ level, name: "ferry", redact: redaction }, stream)) };
}

const labeled = { action: "labeled", issue: { number: 7, title: "PAYLOAD-MARKER" }, repository: { full_name: "o/r" } };

describe("the webhook thread's log", () => {
  test("a delivery gives one line, and no line, Probot's own included, has a key twice", async () => {
    const { lines, log } = capturedThreadLog();
    running = await inProcessServer({
      log,
      accept: (delivery) => {
        if (delivery.id === "failing-1") throw new Error("the journal could not be written");
      },
    });
    await fetch(running.url(), webhookRequest("good-1", "issues", labeled, SECRET));
    // One the intake fails makes Probot log through its nested child loggers (`probot`, then `event`).
    await fetch(running.url(), webhookRequest("failing-1", "issues", { ...labeled, issue: { number: 8 } }, SECRET));
    await waitFor("the failed delivery's access line", () => (lines.some((line) => line.includes('"status":500')) ? true : undefined), 5000);
    expect(lines.filter((line) => line.includes("good-1"))).toHaveLength(1);
    // Parsing keeps one value per key: a line that round-trips unchanged has no key twice.
    for (const line of lines) expect(JSON.stringify(JSON.parse(line))).toBe(line);
    expect(lines.some((line) => JSON.parse(line).name === "event")).toBe(true);
  });

  test("a forged delivery's body and signature are not logged: its access line is all", async () => {
    const { lines, log } = capturedThreadLog();
    running = await inProcessServer({ log });
    const forged = signedDelivery("forged-2", "issues", labeled, "not-the-secret");
    await fetch(running.url(), { method: "POST", ...forged });
    await waitFor("the forged delivery's access line", () => (lines.some((line) => line.includes('"status":400')) ? true : undefined), 5000);
    const signature = forged.headers["x-hub-signature-256"]?.slice("sha256=".length) ?? "";
    expect(lines.filter((line) => line.includes("PAYLOAD-MARKER") || line.includes(signature))).toEqual([]);
    expect(lines.filter((line) => line.includes("forged-2")).map((line) => JSON.parse(line).msg)).toEqual(["webhook delivery refused or not answered"]);
  });

  test("a delivery the intake fails is logged without its body", async () => {
    const { lines, log } = capturedThreadLog();
    running = await inProcessServer({
      log,
      accept: () => {
        throw new Error("the journal could not be written");
      },
    });
    await fetch(running.url(), webhookRequest("failing-2", "issues", labeled, SECRET));
    await waitFor("the failed delivery's access line", () => (lines.some((line) => line.includes('"status":500')) ? true : undefined), 5000);
    expect(lines.filter((line) => line.includes("PAYLOAD-MARKER"))).toEqual([]);
    expect(lines.some((line) => line.includes("the journal could not be written"))).toBe(true);
  });
});
