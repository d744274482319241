import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { execa, type ResultPromise } from "execa";
import { issueLabeled, withCloneUrl } from "./fixtures/webhooks.ts";
import { createBuggyRepo } from "./agent/support/buggy-repo.ts";
import { startGitHttpServer, type GitHttpServer } from "./helpers/git-http-server.ts";
import { GitHubStub } from "./helpers/github-stub.ts";
import { startOpenAiServer, type OpenAiServer } from "./helpers/openai-server.ts";
import { freePort, waitFor } from "./helpers/process.ts";
import { testPrivateKey } from "./helpers/probot.ts";

/**
 * Ferry as a user starts it: `node src/main.ts` with environment only, GitHub replaced by
 * a loopback stand-in (GHE_HOST), webhooks over real HTTP.
 */
const SECRET = "webhook-secret-for-tests";
const stub = new GitHubStub();
const dataDir = mkdtempSync(join(tmpdir(), "ferry-main-"));
let ferry: ResultPromise<{ reject: false }>;
let git: GitHttpServer;
let model: OpenAiServer;
let baseUrl: string;

function sign(body: string, secret = SECRET): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

function postWebhook(event: string, delivery: string, payload: object, signature?: string) {
  const body = JSON.stringify(payload);
  return fetch(`${baseUrl}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": delivery,
      "x-hub-signature-256": signature ?? sign(body),
    },
    body,
  });
}

function tasksInDatabase(): { id: number; state: string }[] {
  const db = new DatabaseSync(join(dataDir, "data", "ferry.db"), { readOnly: true });
  try {
    return db.prepare("SELECT id, state FROM tasks ORDER BY id").all().map((row) => ({ id: Number(row.id), state: String(row.state) }));
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  const gheHost = await stub.start();
  // The repository the payload points at, served over git smart HTTP with the stub's installation token.
  await createBuggyRepo(join(dataDir, "upstream", "Codertocat", "Hello-World.git"), {}, "master");
  git = await startGitHttpServer({ root: join(dataDir, "upstream"), tokens: ["ghs_stub"] });
  model = await startOpenAiServer();
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  ferry = execa(process.execPath, ["src/main.ts"], {
    reject: false,
    extendEnv: false,
    env: {
      PATH: process.env.PATH,
      APP_ID: "123",
      PRIVATE_KEY: testPrivateKey(),
      WEBHOOK_SECRET: SECRET,
      HOST: "127.0.0.1",
      PORT: String(port),
      GHE_HOST: gheHost,
      GHE_PROTOCOL: "http",
      FERRY_DATA_DIR: join(dataDir, "data"),
      FERRY_SANDBOX: "local",
      OPENAI_BASE_URL: model.baseUrl,
      OPENAI_API_KEY: "sk-test",
      LOG_LEVEL: "warn",
    },
  });
  await waitFor("Ferry to answer /ping", async () => {
    const response = await fetch(`${baseUrl}/ping`).catch(() => undefined);
    return response?.ok ? true : undefined;
  });
});

afterAll(async () => {
  ferry.kill("SIGTERM");
  const result = await ferry;
  await stub.stop();
  await git.close();
  await model.close();
  rmSync(dataDir, { recursive: true, force: true });
  expect(result.exitCode).toBe(0);
});

describe("npm start with App credentials and a webhook secret", () => {
  test("a delivery with a forged signature is rejected and creates nothing", async () => {
    const response = await postWebhook("issues", "forged-1", issueLabeled("agent"), sign("something else", "wrong-secret"));

    expect(response.status).toBe(400);
    expect(stub.requests).toEqual([]);
    expect(tasksInDatabase()).toEqual([]);
  });

  test("a signed issues.labeled delivery runs the agent on a checkout and keeps one status comment up to date", async () => {
    model.reply({ text: "Nothing to change: add() is right." });
    const payload = withCloneUrl(issueLabeled("agent"), git.url("Codertocat/Hello-World.git"));
    const response = await postWebhook("issues", "signed-1", payload);
    expect(response.status).toBe(200);

    const done = await waitFor("the task to finish", () => tasksInDatabase().find((task) => task.state === "done"));
    await waitFor("the status comment to say so", () => (stub.comments[0]?.body.includes("Done") ? true : undefined));

    expect(tasksInDatabase()).toEqual([{ id: done.id, state: "done" }]);
    expect(stub.comments).toHaveLength(1);
    expect(stub.comments[0]?.body).toContain(`<!-- ferry:task=${done.id} status -->`);
    expect(stub.comments[0]?.body).toContain("**no-changes**: the agent changed nothing. Nothing to change: add() is right.");
    expect(JSON.stringify(model.requests[0]?.body)).toContain("add(2, 3) should be 5.");
    expect(stub.reactions).toEqual(["/repos/Codertocat/Hello-World/issues/1/reactions"]);
    expect(stub.violations).toEqual([]);
  });
});
