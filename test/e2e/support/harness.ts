import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { createBuggyRepo } from "../../agent/support/buggy-repo.ts";
import { startOpenAiServer, type OpenAiServer } from "../../helpers/openai-server.ts";
import { testPrivateKey } from "../../helpers/probot.ts";
import { waitFor } from "../../helpers/process.ts";
import { APP_ID, GitHubStandIn } from "../github-standin/standin.ts";
import { deliveriesInDatabase } from "./ferry-db.ts";
import type { Issue, Repository } from "../github-standin/state.ts";
import { startFerry, type FerryOptions, type FerryProcess } from "./ferry-process.ts";
import { issuesLabeled, sendWebhook, type Delivery, type Sender } from "./webhooks.ts";

/**
 * One end-to-end world: the GitHub stand-in, the scripted model and Ferry as a process,
 * in a temporary directory. `close()` stops all three and removes the directory; it is safe
 * to call after a partial start.
 */
export const WEBHOOK_SECRET = "e2e-webhook-secret";
export const AGENT_YML = "base: main\ntest: node test.js\n";

export type Harness = {
  dir: string;
  standin: GitHubStandIn;
  model: OpenAiServer;
  ferry: FerryProcess;
  deliver(delivery: Delivery): Promise<{ status: number; id: string }>;
  /** Stops everything; resolves with Ferry's exit code (0 after a clean SIGTERM). */
  close(): Promise<number | null | undefined>;
  /** Adds the label on the stand-in, then sends `issues.labeled` as GitHub would. */
  label(repo: Repository, issue: Issue, label: string, sender: Sender, id?: string): Promise<{ status: number; id: string }>;
  /**
   * Starts Ferry again with the same environment and data directory (a new port); the stand-in
   * and the model keep running. Stop or kill9 the current process first. `ferry` and `deliver`
   * use the new process from then on.
   */
  restart(): Promise<FerryProcess>;
};

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), "ferry-e2e-"));
  const privateKey = testPrivateKey();
  const standin = new GitHubStandIn({ root: join(dir, "github"), privateKey });
  let model: OpenAiServer | undefined;
  let ferry: FerryProcess | undefined;
  let ferryOptions: FerryOptions | undefined;
  const close = async () => {
    // E2E_LOGS=1 shows what Ferry said, for a scenario that needs explaining.
    if (ferry && process.env.E2E_LOGS) {
      const requests = standin.requests.map((request) => `${request.status} ${request.method} ${request.path}${request.query}`);
      process.stderr.write(`Ferry's output:\n${ferry.output()}\nGitHub requests:\n${requests.join("\n")}\n`);
    }
    ferry?.endOfScenario();
    const code = await ferry?.stop();
    await standin.stop();
    await model?.close();
    rmSync(dir, { recursive: true, force: true });
    return code;
  };
  try {
    const gheHost = await standin.start();
    model = await startOpenAiServer();
    ferryOptions = { appId: APP_ID, privateKey, webhookSecret: WEBHOOK_SECRET, gheHost, modelBaseUrl: model.baseUrl, dataDir: dir, env };
    ferry = await startFerry(ferryOptions);
  } catch (error) {
    await close();
    throw error;
  }
  let running = ferry;
  const deliver = (delivery: Delivery) => sendWebhook(running.url, WEBHOOK_SECRET, delivery);
  const options = ferryOptions;
  return {
    dir,
    standin,
    model,
    get ferry() {
      return running;
    },
    deliver,
    async restart() {
      if (!options) throw new Error("Ferry never started");
      running = await startFerry(options);
      ferry = running;
      return running;
    },
    label(repo, issue, label, sender, id) {
      if (!issue.labels.includes(label)) issue.labels.push(label);
      return deliver({ event: "issues", payload: issuesLabeled(standin, repo, issue, label, sender), ...(id && { id }) });
    },
    close,
  };
}

/** The calculator whose `add` subtracts (test/agent/support/buggy-repo.ts), seeded from a directory of its files. */
export async function seedBuggyRepo(harness: Harness, name: string, agentYml = AGENT_YML): Promise<Repository> {
  const source = join(harness.dir, "sources", `${name}.git`);
  const work = join(harness.dir, "sources", name);
  await createBuggyRepo(source, { ".github/agent.yml": agentYml });
  await execa("git", ["clone", "--quiet", source, work]);
  return harness.standin.seedRepository({ owner: "octo-org", name, dir: work });
}

/** Clones `branch` fresh from the stand-in's git (with a token it issued) and runs `node test.js`. */
export async function testsPassOnFreshClone(harness: Harness, repo: Repository, branch: string): Promise<{ exitCode: number | undefined; output: string }> {
  const target = join(harness.dir, "fresh", `${repo.name}-${branch.replaceAll("/", "-")}`);
  const basic = Buffer.from(`x-access-token:${harness.standin.issueToken(repo)}`).toString("base64");
  await execa("git", ["-c", `http.extraHeader=Authorization: Basic ${basic}`, "clone", "--quiet", "--branch", branch, harness.standin.cloneUrl(repo.owner, repo.name), target]);
  const result = await execa("node", ["test.js"], { cwd: target, reject: false, all: true });
  return { exitCode: result.exitCode, output: result.all };
}

/** Waits (polling the stand-in, not timing) for the issue's ending reaction: 🚀 or 😕. */
export async function waitForEnding(harness: Harness, repo: Repository, issue: Issue, timeoutMs = 90000): Promise<string> {
  try {
    return await waitFor(
      `issue #${issue.number} to get 🚀 or 😕`,
      () => harness.standin.reactionsOn(repo, issue.number).find((content) => content === "rocket" || content === "confused"),
      timeoutMs,
    );
  } catch (error) {
    const tail = harness.ferry.output().split("\n").slice(-30).join("\n");
    throw new Error(`${String(error)}\nstand-in violations: ${JSON.stringify(harness.standin.violations)}\nFerry's last output:\n${tail}`, { cause: error });
  }
}

/**
 * Waits until Ferry has handled the delivery: webhooks are answered once stored and handled
 * right after, so the answer alone says nothing about what Ferry did.
 */
export async function waitUntilHandled(harness: Harness, deliveryId: string, timeoutMs = 30000): Promise<void> {
  await waitFor(`delivery ${deliveryId} to be handled`, () => (deliveriesInDatabase(harness.dir).includes(deliveryId) ? true : undefined), timeoutMs);
}
