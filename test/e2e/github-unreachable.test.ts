import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testPrivateKey } from "../helpers/probot.ts";
import { expectLoggedWarning } from "../helpers/logged-problems.ts";
import { freePort, waitFor } from "../helpers/process.ts";
import { APP_ID, GitHubStandIn } from "./github-standin/standin.ts";
import { startFerry, type FerryProcess } from "./support/ferry-process.ts";
import { issuesLabeled, sendWebhook } from "./support/webhooks.ts";

/**
 * GitHub refuses connections (down, wrong GHE_HOST, a firewall): the log names GitHub, its URL
 * and the socket's words, not a bare `ECONNREFUSED` or a 500; and a stop during the retries
 * is still prompt. The stand-in only shapes the payload; Ferry is pointed at a closed port.
 */
const SECRET = "e2e-webhook-secret";

type LogLine = { level: number; msg: string; reason?: string; attempts?: number };

describe("GitHub unreachable", () => {
  let dir: string;
  let standin: GitHubStandIn;
  let ferry: FerryProcess | undefined;
  let apiUrl: string;
  let failure: LogLine | undefined;
  let stopped: { code: number | null; ms: number };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ferry-unreachable-"));
    standin = new GitHubStandIn({ root: join(dir, "github"), privateKey: testPrivateKey() });
    await standin.start();
    const repo = await standin.seedRepository({ owner: "octo-org", name: "calc", files: { "README.md": "calc\n" } });
    const issue = standin.addIssue(repo, { title: "add() subtracts", body: "add(2, 3) should be 5.", user: "reporter" });
    const closed = `127.0.0.1:${await freePort()}`;
    apiUrl = `http://${closed}/api/v3`;
    ferry = await startFerry({ appId: APP_ID, privateKey: testPrivateKey(), webhookSecret: SECRET, gheHost: closed, modelBaseUrl: "http://127.0.0.1:9/v1", dataDir: dir });
    const running = ferry;
    // The failure this file is about (checked with the first test: the scenario all runs here).
    expectLoggedWarning(/handling a webhook delivery failed; it is retried \(GitHub at http:\/\/127\.0\.0\.1:\d+\/api\/v3 is unreachable/);
    expect((await sendWebhook(running.url, SECRET, { event: "issues", payload: issuesLabeled(standin, repo, issue, "agent", { login: "maintainer" }) })).status).toBe(200);
    // Octokit retries a refused connection three times (1 + 4 + 9 s) before the handler sees it.
    failure = await waitFor("the handler's first failure in the log", () => logLines(running).find((line) => line.msg.startsWith("handling a webhook delivery failed")), 40000);
    const started = Date.now();
    const code = await running.stop(15000);
    stopped = { code, ms: Date.now() - started };
  }, 90000);

  afterAll(async () => {
    await ferry?.stop(2000);
    await standin.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("the handler's failure names GitHub, its URL and the refused connection", () => {
    expect(failure).toMatchObject({ level: 40, attempts: 1 });
    expect(failure?.reason).toMatch(new RegExp(`^GitHub at ${apiUrl.replaceAll(".", "\\.")} is unreachable: connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+$`));
  });

  test("SIGTERM between the retries stops Ferry at once, with exit code 0", () => {
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(5000);
  });
});

function logLines(ferry: FerryProcess): LogLine[] {
  return ferry
    .output()
    .split("\n")
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
}
