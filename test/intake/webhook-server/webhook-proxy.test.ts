import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { pino } from "pino";
import { readSegment } from "../../../src/intake/webhook-server/journal.ts";
import { webhookTarget } from "../../../src/intake/webhook-server/thread-server.ts";
import { WebhookServer } from "../../../src/intake/webhook-server/webhook-server.ts";
import type { NewDelivery } from "../../../src/tasks/model.ts";
import { silentLog, testPrivateKey } from "../../helpers/probot.ts";
import { freePort, waitFor } from "../../helpers/process.ts";
import { inProcessServer, SECRET, type InProcessServer } from "./support/in-process-server.ts";
import { signedDelivery } from "./support/signed-webhook.ts";
import { smeeStandIn, type SmeeStandIn } from "./support/sse-stand-in.ts";

let root: string;
let smee: SmeeStandIn | undefined;
let thread: WebhookServer | undefined;
let running: InProcessServer | undefined;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "ferry-webhook-proxy-"));
});
afterEach(async () => {
  await thread?.stop();
  await running?.server.stop();
  await smee?.close();
  thread = running = smee = undefined;
  rmSync(root, { recursive: true, force: true });
});

const labeled = { action: "labeled", issue: { number: 7 }, label: { name: "agent" }, repository: { full_name: "o/r" } };

async function startThread(webhookProxy: string, accepted: NewDelivery[] = []) {
  return WebhookServer.start({
    thread: {
      probot: { appId: 123, privateKey: testPrivateKey(), secret: SECRET },
      host: "127.0.0.1",
      port: await freePort(),
      webhookProxy,
      logLevel: "silent",
      dataDir: root,
      linksKey: SECRET,
      events: ["issues.labeled"],
      journalDir: join(root, "webhook-journal"),
    },
    intake: { accept: async (delivery) => accepted.push(delivery) > 0 },
    runSweep: async () => ({ repositories: [] }),
    log: silentLog,
    onFailure: () => {},
  });
}

describe("WEBHOOK_PROXY_URL", () => {
  test("a delivery the smee channel sends reaches the webhook thread's journal and the intake, signature checked", async () => {
    smee = await smeeStandIn();
    const accepted: NewDelivery[] = [];
    thread = await startThread(smee.url, accepted);
    await smee.connected;
    smee.sendDelivery(signedDelivery("forged-via-smee", "issues", labeled, "not-the-secret"));
    smee.sendDelivery(signedDelivery("via-smee-1", "issues", labeled, SECRET));
    await waitFor("the delivery to reach the intake", () => (accepted.length > 0 ? true : undefined), 10_000);
    expect(accepted).toEqual([{ id: "via-smee-1", event: "issues", payload: labeled }]);
    const journalDir = join(root, "webhook-journal");
    const journalled = readdirSync(journalDir).flatMap((name) => readSegment(join(journalDir, name)).deliveries.map((delivery) => delivery.id));
    expect(journalled).toEqual(["via-smee-1"]);
  });

  test("a channel that does not open stops the start with a message naming the variable", async () => {
    smee = await smeeStandIn({ status: 404 });
    await expect(startThread(smee.url)).rejects.toThrow(/could not open WEBHOOK_PROXY_URL http:\/\/127\.0\.0\.1:\d+\/channel-1 \(.*404/);
  });

  test("a forwarded delivery is logged once, by the access line (smee's own line is debug)", async () => {
    smee = await smeeStandIn();
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => void (lines.push(...chunk.toString("utf8").split("\n").filter(Boolean)), done()) });
    running = await inProcessServer({ log: pino({ level: "info" }, sink), webhookProxy: smee.url });
    await smee.connected;
    const before = lines.length;
    smee.sendDelivery(signedDelivery("via-smee-2", "issues", labeled, SECRET));
    await waitFor("the access line", () => (lines.some((line) => line.includes("via-smee-2")) ? true : undefined), 10_000);
    // smee-client logs its forward after the answer arrives; give it the chance to.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lines.slice(before).map((line) => JSON.parse(line).msg)).toEqual(["webhook delivery"]);
  });

  test("stopping the server closes the channel's event stream", async () => {
    smee = await smeeStandIn();
    running = await inProcessServer({ webhookProxy: smee.url });
    await smee.connected;
    await running.server.stop();
    running = undefined;
    await expect(smee.disconnected).resolves.toBeUndefined();
  });

  test("deliveries are forwarded to the webhook path at a loopback address when the server listens on every interface", () => {
    expect(webhookTarget("0.0.0.0", 3000)).toBe("http://127.0.0.1:3000/api/github/webhooks");
    expect(webhookTarget("::", 3000)).toBe("http://[::1]:3000/api/github/webhooks");
    expect(webhookTarget("127.0.0.1", 3000)).toBe("http://127.0.0.1:3000/api/github/webhooks");
    expect(webhookTarget("::1", 3000)).toBe("http://[::1]:3000/api/github/webhooks");
  });
});
