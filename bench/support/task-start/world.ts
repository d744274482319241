import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateAppKey } from "../../../test/config/test-key.ts";
import { startOpenAiServer, type OpenAiServer } from "../../../test/helpers/openai-server.ts";
import { startFerry, type FerryProcess } from "../../../test/e2e/support/ferry-process.ts";
import { APP_ID, GitHubStandIn } from "../../../test/e2e/github-standin/standin.ts";
import type { Repository } from "../../../test/e2e/github-standin/state.ts";
import { issuesLabeled, sendWebhook } from "../../../test/e2e/support/webhooks.ts";

/**
 * The end-to-end tests' world, for a benchmark: the GitHub stand-in (answering after
 * `latencyMs`), the OpenAI stand-in and Ferry as its own process with the Docker sandbox.
 */
export type World = {
  dir: string;
  standin: GitHubStandIn;
  model: OpenAiServer;
  ferry: FerryProcess;
  /** A fresh repository (so no mirror of it yet) with a writer who may label. */
  repository(name: string): Promise<Repository>;
  /** A new issue labelled `agent` by the writer; resolves with when the delivery was sent (epoch ms). */
  label(repo: Repository, title: string): Promise<{ sentAt: number; issueNumber: number }>;
  /** Every request Ferry made of the stand-in (REST and git) since `from`, with when it was answered: for --trace. */
  requestsSince(from: number): string[];
  close(): Promise<void>;
};

const SECRET = "bench-task-start-secret";
const WRITER = "maintainer";
// No `setup:`: the target is for a repository that needs none.
const AGENT_YML = "base: main\ntest: node test.js\n";
const FILES = { "README.md": "# calc\n", "src/add.js": "export const add = (a, b) => a - b;\n", "test.js": 'import { add } from "./src/add.js";\nif (add(2, 3) !== 5) process.exit(1);\n', ".github/agent.yml": AGENT_YML };

export async function startWorld(options: { latencyMs: number; image: string }): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), "ferry-bench-task-start-"));
  const privateKey = generateAppKey();
  const standin = new GitHubStandIn({ root: join(dir, "github"), privateKey, latencyMs: options.latencyMs });
  const gheHost = await standin.start();
  const answered: { at: number; line: string }[] = [];
  // Stamped as the stand-in records them (once answered): the trace of where the time went.
  stamp(standin.requests, (request) => `${request.status} ${request.method} ${request.path}`, answered);
  stamp(standin.gitRequests, (request) => `git ${request.method} ${request.path}`, answered);
  const model = await startOpenAiServer();
  const ferry = await startFerry({
    appId: APP_ID,
    privateKey,
    webhookSecret: SECRET,
    gheHost,
    modelBaseUrl: model.baseUrl,
    dataDir: dir,
    env: { FERRY_SANDBOX: "docker", FERRY_IMAGE: options.image, LOG_LEVEL: "warn" },
  });
  return {
    dir,
    standin,
    model,
    ferry,
    async repository(name) {
      const repo = await standin.seedRepository({ owner: "octo-org", name, files: FILES });
      standin.setPermission(repo, WRITER, "write");
      return repo;
    },
    async label(repo, title) {
      const issue = standin.addIssue(repo, { title, body: "add(2, 3) should be 5.", labels: ["agent"], labelledBy: WRITER });
      const payload = issuesLabeled(standin, repo, issue, "agent", { login: WRITER });
      const sentAt = Date.now();
      const answer = await sendWebhook(ferry.url, SECRET, { event: "issues", payload });
      if (answer.status !== 200) throw new Error(`Ferry answered the delivery with ${answer.status}`);
      return { sentAt, issueNumber: issue.number };
    },
    requestsSince: (from) => answered.filter((request) => request.at >= from).map((request) => `+${request.at - from} ms ${request.line}`),
    async close() {
      const code = await ferry.stop();
      await standin.stop();
      await model.close();
      if (code !== 0) console.log(`  Ferry exited with ${code}; its last output:\n${ferry.output().split("\n").slice(-20).join("\n")}`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function stamp<T>(requests: T[], describe: (request: T) => string, into: { at: number; line: string }[]): void {
  const push = requests.push.bind(requests);
  requests.push = (...items: T[]) => {
    for (const item of items) into.push({ at: Date.now(), line: describe(item) });
    return push(...items);
  };
}
