import { beforeAll, describe, expect, test } from "@jest/globals";
import { freePort, waitFor } from "../helpers/process.ts";
import type { OpenAiReply } from "../helpers/openai-server.ts";
import type { Issue, Repository } from "./github-standin/state.ts";
import { seedBuggyRepo, testsPassOnFreshClone, waitForEnding, type Harness } from "./support/harness.ts";
import { harnessFor } from "./support/harness-for.ts";
import {
  faultsThenFixScript,
  GARBLED_ARGUMENTS,
  GARBLED_CALL,
  garbageThenFixScript,
  toolResultsIn,
  UNKNOWN_CALL,
  UNKNOWN_TOOL,
} from "./support/model-fault-scripts.ts";

/**
 * Scenario 6: what a real model server does wrong. Transient HTTP faults are retried until the
 * answer comes; garbage in a tool call goes back to the model as an error it can act on; a
 * model that cannot be reached ends the task with a status that says so, and nothing pushed.
 * Faults and retries are proven in both API shapes, Responses and Chat Completions.
 */
const RUN_TIMEOUT = 180000;

type Run = { repo: Repository; issue: Issue; ending: string; branch: string; requests: Harness["model"]["requests"] };

/** A fresh repository and issue, the model scripted with `script`, labelled; resolves once the task ended. */
async function labelAndEnd(harness: Harness, name: string, script: OpenAiReply[]): Promise<Run> {
  const repo = await seedBuggyRepo(harness, name);
  harness.standin.setPermission(repo, "maintainer", "write");
  const issue = harness.standin.addIssue(repo, { title: "add() subtracts", body: "add(2, 3) should be 5.", user: "reporter" });
  const first = harness.model.requests.length;
  harness.model.reply(...script);
  const delivery = await harness.label(repo, issue, "agent", { login: "maintainer" });
  expect(delivery.status).toBe(200);
  const ending = await waitForEnding(harness, repo, issue);
  await waitFor("the status comment to show the ending", () => (statusOf(harness, repo, issue)?.match(/✅ \*\*Done\*\*|❌ \*\*Failed\*\*/) ? true : undefined), 30000);
  return { repo, issue, ending, branch: `agent/issue-${issue.number}/part-1`, requests: harness.model.requests.slice(first) };
}

const statusOf = (harness: Harness, repo: Repository, issue: Issue): string | undefined =>
  harness.standin.commentsOn(repo, issue.number).find((comment) => /<!-- ferry:task=\d+ status -->/.test(comment.body))?.body;

async function expectDelivered(harness: Harness, run: Run): Promise<void> {
  expect(run.ending).toBe("rocket");
  expect(harness.standin.pullsOf(run.repo)).toEqual([expect.objectContaining({ head: run.branch, base: "main", draft: true })]);
  expect(await testsPassOnFreshClone(harness, run.repo, run.branch)).toEqual({ exitCode: 0, output: "1 passed, 0 failed" });
  expect(statusOf(harness, run.repo, run.issue)).toContain("✅ **Done**");
}

function expectFaultsRetried(run: Run, path: string): void {
  // Two faults, then one request per turn of the fix (read, write, test, finish).
  expect(run.requests.map((request) => request.path)).toEqual(Array.from({ length: 2 + 4 }, () => path));
  // The 500 and the 429 were answered by sending the same request again, not by moving on.
  const [first, afterServerError, afterRateLimit] = run.requests;
  expect(first?.raw).toContain("add(2, 3) should be 5.");
  expect(afterServerError?.raw).toBe(first?.raw);
  expect(afterRateLimit?.raw).toBe(first?.raw);
  expect(toolResultsIn(first?.body)).toEqual([]);
  expect(toolResultsIn(run.requests[3]?.body)).toHaveLength(1);
}

function expectGarbageAnswered(run: Run): void {
  // The two garbage turns, then one request per turn of the fix.
  expect(run.requests.map((request) => request.path)).toHaveLength(2 + 4);
  const [, afterGarbled, afterUnknown] = run.requests;
  const garbled = toolResultsIn(afterGarbled?.body);
  expect(garbled).toEqual([{ callId: GARBLED_CALL, output: expect.stringContaining("The arguments for read_file were not valid JSON") }]);
  expect(garbled[0]?.output).toContain(`You sent: ${GARBLED_ARGUMENTS}`);
  expect(toolResultsIn(afterUnknown?.body)).toContainEqual({ callId: UNKNOWN_CALL, output: expect.stringContaining(`There is no tool named "${UNKNOWN_TOOL}"`) });
}

function expectGitHubAccepted(harness: Harness): void {
  expect(harness.standin.violations).toEqual([]);
  expect(harness.standin.gitRequests.filter((request) => !request.authorised)).toEqual([]);
}

const apis: { api: string; env: Record<string, string>; path: string }[] = [
  { api: "the Responses API (the default)", env: {}, path: "/v1/responses" },
  { api: "the Chat Completions API (FERRY_MODEL_API=chat)", env: { FERRY_MODEL_API: "chat" }, path: "/v1/chat/completions" },
];

describe.each(apis)("$api", ({ env, path }) => {
  const world = harnessFor(env);

  test("a 500 and a 429 (retry-after: 1) are retried to an answer, and the change is delivered", async () => {
    const run = await labelAndEnd(world(), "calc-faults", faultsThenFixScript());
    expectFaultsRetried(run, path);
    await expectDelivered(world(), run);
    expect(world().model.pending).toBe(0);
  }, RUN_TIMEOUT);

  test("arguments that are not JSON and an unknown tool come back to the model as errors, and the run still delivers", async () => {
    const run = await labelAndEnd(world(), "calc-garbage", garbageThenFixScript());
    expectGarbageAnswered(run);
    await expectDelivered(world(), run);
    expect(world().model.pending).toBe(0);
    expectGitHubAccepted(world());
  }, RUN_TIMEOUT);
});

describe.each(apis)("a model server nobody answers at, through $api", ({ env, path }) => {
  let closedUrl = "";
  let run: Run;
  const world = harnessFor(async () => {
    // A port that was just free: nothing listens there, so every connection is refused.
    closedUrl = `http://127.0.0.1:${await freePort()}/v1`;
    return { ...env, OPENAI_BASE_URL: closedUrl };
  });

  beforeAll(async () => {
    run = await labelAndEnd(world(), "calc-unreachable", []);
  }, RUN_TIMEOUT);

  test("the task ends failed, 😕 on the issue, and the status comment says the model is unreachable and what to check", () => {
    expect(run.ending).toBe("confused");
    const status = statusOf(world(), run.repo, run.issue) ?? "";
    expect(status).toContain("❌ **Failed**");
    const endpoint = closedUrl + path.slice("/v1".length);
    expect(status).toContain(`**failed**: The model failed (unavailable): ${endpoint} is unavailable: 5 attempts failed, the last with connection failed (`);
    expect(status).toMatch(/connection failed \([^)]*ECONNREFUSED[^)]*\)/);
    expect(status).toContain("Check that the server is up and reachable (OPENAI_BASE_URL), or try again later.");
  });

  test("nothing is pushed and no pull request is opened", async () => {
    const branches = [...(await world().standin.branchesOf(run.repo)).keys()];
    expect(branches).toEqual(["main"]);
    expect(world().standin.pullsOf(run.repo)).toEqual([]);
    expect(world().standin.gitRequests.filter((request) => request.path.endsWith("git-receive-pack") || request.service === "git-receive-pack")).toEqual([]);
  });

  test("the scripted model, which Ferry was not pointed at, got nothing; GitHub accepted every request", () => {
    expect(world().model.requests).toEqual([]);
    expectGitHubAccepted(world());
  });
});
