import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import type { Probot } from "probot";
import { TASK_STATES } from "../../src/tasks/model.ts";
import { githubApi } from "../helpers/github-api.ts";
import {
  mockInstallationToken,
  mockIssueReaction,
  mockLabelAccepted,
  mockNewStatusComment,
  mockPermission,
  mockRepoConfig,
  mockTaskAccepted,
  repoPath,
} from "../helpers/github-mocks.ts";
import { intakeDeps } from "../helpers/intake-deps.ts";
import { expectLoggedError, expectLoggedWarning } from "../helpers/logged-problems.ts";
import { deliver, testProbot } from "../helpers/probot.ts";
import { issueLabeled, REPO } from "../fixtures/webhooks.ts";
import { z } from "zod";

let deps: ReturnType<typeof intakeDeps>;
let probot: Probot;

beforeEach(async () => {
  deps = intakeDeps();
  probot = testProbot(deps);
});
afterEach(async () => await deps.store.close());

const tasks = async () => await deps.store.listTasks(TASK_STATES);
const receiveLabel = (label: string, id = "delivery-1", sender?: { login: string; type?: "User" | "Bot" }) =>
  deliver(probot, "issues", id, issueLabeled(label, sender));

describe("issues.labeled", () => {
  test("the configured label from a writer creates a queued task, a 👀 reaction and one status comment", async () => {
    const statusBodies: string[] = [];
    const scope = githubApi();
    mockInstallationToken(scope);
    mockLabelAccepted(scope, statusBodies);

    await receiveLabel("agent");

    expect(await tasks()).toMatchObject([
      { state: "queued", trigger: "label", requester: "maintainer", issueNumber: 1, repo: { owner: REPO.owner, name: REPO.name } },
    ]);
    expect(statusBodies).toHaveLength(1);
    expect(statusBodies[0]).toContain(`<!-- ferry:task=${(await tasks())[0]?.id} status -->`);
    expect(statusBodies[0]).toContain("Queued");
  });

  test("a label named in .github/agent.yml replaces the default", async () => {
    const scope = githubApi();
    mockInstallationToken(scope);
    mockRepoConfig(scope, "label: ferry-please\n");
    mockPermission(scope, "maintainer", "admin");
    mockNewStatusComment(scope);
    mockIssueReaction(scope);

    await receiveLabel("Ferry-Please");

    expect(await tasks()).toHaveLength(1);
  });

  test("a maintainer (role maintain) may trigger", async () => {
    const scope = githubApi();
    mockInstallationToken(scope);
    mockPermission(scope, "maintainer", "write", "maintain");
    mockTaskAccepted(scope);
    mockIssueReaction(scope);

    await receiveLabel("agent");

    expect(await tasks()).toHaveLength(1);
  });

  test("another label does nothing", async () => {
    const scope = githubApi();
    mockInstallationToken(scope);
    mockRepoConfig(scope, undefined);

    await receiveLabel("bug");

    expect(await tasks()).toEqual([]);
  });

  test("a sender without write permission gets no task and no reply", async () => {
    const scope = githubApi();
    mockInstallationToken(scope);
    mockRepoConfig(scope, undefined);
    mockPermission(scope, "maintainer", "read");

    await receiveLabel("agent");

    expect(await tasks()).toEqual([]);
  });

  test("a sender who is not a collaborator (404) gets no task", async () => {
    const scope = githubApi();
    mockInstallationToken(scope);
    mockRepoConfig(scope, undefined);
    scope.get(`${repoPath}/collaborators/maintainer/permission`).reply(404, { message: "Not Found" });

    await receiveLabel("agent");

    expect(await tasks()).toEqual([]);
  });

  test("a bot sender is ignored without a single request to GitHub", async () => {
    await receiveLabel("agent", "delivery-1", { login: "ferry[bot]", type: "Bot" });

    expect(await tasks()).toEqual([]);
    // Handled, not given up: any request (none is mocked) would have failed the delivery (and test/setup.ts names it).
    expect(await deps.store.hasSeenDelivery("delivery-1")).toBe(true);
  });

  test("a redelivered delivery id creates one task", async () => {
    const scope = githubApi();
    mockInstallationToken(scope);
    mockLabelAccepted(scope);

    await receiveLabel("agent", "delivery-1");
    await receiveLabel("agent", "delivery-1");

    expect(await tasks()).toHaveLength(1);
  });

  test("labelling an issue whose task is still active does not start a second one", async () => {
    const scope = githubApi();
    mockInstallationToken(scope);
    mockLabelAccepted(scope);
    mockRepoConfig(scope, undefined);
    mockPermission(scope, "maintainer", "write");

    await receiveLabel("agent", "delivery-1");
    // Labelled again later: the issue's time differs (one body under two ids would be a replay).
    const again = z.looseObject({ issue: z.looseObject({}) }).parse(issueLabeled("agent"));
    await deliver(probot, "issues", "delivery-2", { ...again, issue: { ...again.issue, updated_at: "2030-01-01T00:00:00Z" } });

    expect(await tasks()).toHaveLength(1);
  });

  test("an invalid config gets a comment quoting the problems, a failed check, and no task", async () => {
    const comments: string[] = [];
    const checks: unknown[] = [];
    const scope = githubApi();
    mockInstallationToken(scope);
    mockRepoConfig(scope, "limits:\n  steps: -1\nlables: [x]\n");
    mockPermission(scope, "maintainer", "write");
    scope
      .post(`${repoPath}/issues/1/comments`, (body: { body: string }) => comments.push(body.body) > 0)
      .reply(201, { id: 5 })
      .get(`${repoPath}/git/ref/heads%2Fmaster`)
      .reply(200, { ref: "refs/heads/master", object: { sha: "a".repeat(40), type: "commit" } })
      .post(`${repoPath}/check-runs`, (body: unknown) => checks.push(body) > 0)
      .reply(201, { id: 7 });

    await receiveLabel("agent");

    expect(await tasks()).toEqual([]);
    expect(comments[0]).toContain("limits.steps");
    expect(comments[0]).toContain("lables");
    expect(checks).toEqual([
      expect.objectContaining({ name: "Ferry", head_sha: "a".repeat(40), status: "completed", conclusion: "failure" }),
    ]);
  });

  test("a failed GitHub call leaves the delivery unseen, so GitHub's redelivery is handled", async () => {
    const scope = githubApi();
    mockInstallationToken(scope);
    scope.get(`${repoPath}/contents/.github%2Fagent.yml`).query(true).reply(500, { message: "boom" });
    mockLabelAccepted(scope);
    expectLoggedError(/gave up on a webhook delivery.*\(boom\)/);

    await receiveLabel("agent", "delivery-9");
    expect(await tasks()).toEqual([]);
    await receiveLabel("agent", "delivery-9");

    expect(await tasks()).toHaveLength(1);
  });

  test("a malformed payload is ignored without a request to GitHub", async () => {
    const payload = { ...issueLabeled("agent"), installation: undefined };
    expectLoggedWarning(/ignoring a malformed issues.labeled payload/);
    await deliver(probot, "issues", "bad", payload);

    expect(await tasks()).toEqual([]);
  });
});
