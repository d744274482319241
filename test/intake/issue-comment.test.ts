import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import type nock from "nock";
import type { Probot } from "probot";
import { TASK_STATES } from "../../src/tasks/model.ts";
import { githubApi } from "../helpers/github-api.ts";
import {
  mockCommentReaction,
  mockInstallationToken,
  mockPermission,
  mockReply,
  mockRepoConfig,
  mockTaskAccepted,
} from "../helpers/github-mocks.ts";
import { DEFAULT_CEILINGS } from "../../src/config/clamp-limits.ts";
import { intakeDeps } from "../helpers/intake-deps.ts";
import { deliver, testProbot } from "../helpers/probot.ts";
import { issueCommentCreated } from "../fixtures/webhooks.ts";

const COMMENT_ID = 492700400;
let deps: ReturnType<typeof intakeDeps>;
let probot: Probot;

beforeEach(async () => {
  deps = intakeDeps();
  probot = testProbot(deps);
});
afterEach(async () => await deps.store.close());

const tasks = async () => await deps.store.listTasks(TASK_STATES);
const comment = (body: string, id = "c-1", sender?: { login: string; type?: "User" | "Bot" }) =>
  deliver(probot, "issue_comment", id, issueCommentCreated(body, sender));

/** A writer's command: permission granted, 👀 on the comment. */
function mockWriterCommand(scope: nock.Scope): nock.Scope {
  mockPermission(scope, "maintainer", "write");
  return mockCommentReaction(scope, COMMENT_ID);
}

function writerScope(): nock.Scope {
  const scope = githubApi();
  mockInstallationToken(scope);
  return mockWriterCommand(scope);
}

/** `/agent run` creates a task, then `command` follows from the same writer; returns the replies. */
async function afterRun(command: string): Promise<string[]> {
  const replies: string[] = [];
  const scope = writerScope();
  mockTaskAccepted(scope);
  mockWriterCommand(scope);
  mockReply(scope, replies);
  await comment("/agent run", "c-1");
  await comment(command, "c-2");
  return replies;
}

describe("/agent commands on an issue", () => {
  test("/agent run from a writer creates a task, reacts 👀 on the comment and posts the status comment", async () => {
    mockTaskAccepted(writerScope());

    await comment("/agent run");

    expect(await tasks()).toMatchObject([{ state: "queued", trigger: "command", requester: "maintainer" }]);
  });

  test("/agent run on an issue with an active task says so instead of starting another", async () => {
    const replies: string[] = [];
    const scope = writerScope();
    mockTaskAccepted(scope);
    mockWriterCommand(scope);
    mockRepoConfig(scope, undefined);
    mockReply(scope, replies);

    await comment("/agent run", "c-1");
    // A second comment: same words, its own time (one body under two ids would be a replay).
    const second = issueCommentCreated("/agent run");
    await deliver(probot, "issue_comment", "c-2", { ...second, comment: { ...second.comment, created_at: "2030-01-01T00:00:00Z" } });

    expect(await tasks()).toHaveLength(1);
    expect(replies[0]).toMatch(/already has task \d+/);
  });

  test("a comment that only mentions /agent mid-text is chatter: no request at all", async () => {
    await comment("I think we should try `/agent run` later");

    expect(await tasks()).toEqual([]);
  });

  test("/agent help answers with the list of commands", async () => {
    const replies: string[] = [];
    const scope = writerScope();
    mockReply(scope, replies);

    await comment("/agent help");

    for (const verb of ["run", "redirect", "stop", "retry", "status", "approve", "help"]) {
      expect(replies[0]).toContain(`/agent ${verb}`);
    }
  });

  test("an unknown verb is answered with the list of commands", async () => {
    const replies: string[] = [];
    const scope = writerScope();
    mockReply(scope, replies);

    await comment("/agent dance");

    expect(replies[0]).toContain("I don't know `/agent dance`");
    expect(replies[0]).toContain("/agent run");
  });

  test("/agent redirect without text is explained", async () => {
    const replies: string[] = [];
    const scope = writerScope();
    mockReply(scope, replies);

    await comment("/agent redirect");

    expect(replies[0]).toContain("redirect needs the new instruction");
  });

  test("a command from someone without write access gets a short polite refusal and nothing else", async () => {
    const replies: string[] = [];
    const scope = githubApi();
    mockInstallationToken(scope);
    mockPermission(scope, "maintainer", "read");
    mockReply(scope, replies);

    await comment("/agent run");

    expect(await tasks()).toEqual([]);
    expect(replies).toEqual(["Sorry @maintainer, only people with write access to this repository can give Ferry commands."]);
  });

  test("a command from a bot is ignored without a request", async () => {
    await comment("/agent run", "c-1", { login: "ferry[bot]", type: "Bot" });

    expect(await tasks()).toEqual([]);
    // Handled, not given up: any request (none is mocked) would have failed the delivery (and test/setup.ts names it).
    expect(await deps.store.hasSeenDelivery("c-1")).toBe(true);
  });

  test("/agent stop cancels the active task and says so", async () => {
    const replies = await afterRun("/agent stop");

    expect(await tasks()).toMatchObject([{ state: "cancelled", result: { outcome: "cancelled", reason: "@maintainer asked to stop" } }]);
    expect(replies[0]).toMatch(/Stopped task \d+/);
  });

  test("/agent status reports the active task's state, budgets used against the repository's limits", async () => {
    const replies: string[] = [];
    const scope = writerScope();
    mockTaskAccepted(scope);
    mockWriterCommand(scope);
    mockRepoConfig(scope, "limits: { steps: 30, usd: 2 }\n");
    mockReply(scope, replies);
    await comment("/agent run", "c-1");
    await comment("/agent status", "c-2");

    expect(replies[0]).toMatch(/\*\*Task \d+\*\* is \*\*queued\*\*/);
    expect(replies[0]).toContain("**Budgets used** (this run): 0 of 30 steps · 0 of 4,000,000 tokens · cost unknown");
  });

  test("/agent status shows the limits within the operator's ceilings, not what the repository asked", async () => {
    deps = { ...deps, ceilings: { ...DEFAULT_CEILINGS, steps: 20 } };
    probot = testProbot(deps);
    const replies: string[] = [];
    const scope = writerScope();
    mockTaskAccepted(scope);
    mockWriterCommand(scope);
    mockRepoConfig(scope, "limits: { steps: 10000 }\n");
    mockReply(scope, replies);
    await comment("/agent run", "c-1");
    await comment("/agent status", "c-2");

    expect(replies[0]).toContain("0 of 20 steps");
  });

  test("/agent redirect on an issue with an active task puts the text in the task's inbox, in order", async () => {
    const replies = await afterRun("/agent redirect Use the v2 API instead");
    const [task] = await tasks();
    mockReply(mockWriterCommand(githubApi()), replies);
    await comment("/agent redirect and keep the old name", "c-3");

    expect(replies[0]).toMatch(/task \d+'s agent gets this instruction at its next step/);
    const inbox = (await deps.store.takeInbox(task?.id ?? 0)).map(({ author, body }) => [author, body]);
    expect(inbox).toEqual([
      ["maintainer", "Use the v2 API instead"],
      ["maintainer", "and keep the old name"],
    ]);
  });

  test("/agent redirect on an issue that never had a task says so and queues nothing", async () => {
    const replies: string[] = [];
    mockReply(writerScope(), replies);

    await comment("/agent redirect go left");

    expect(replies[0]).toContain("There is no Ferry task for this issue yet");
    expect(await tasks()).toEqual([]);
  });

  test("/agent retry while the task is still active is refused: stop it first", async () => {
    const replies = await afterRun("/agent retry");

    expect(replies[0]).toMatch(/Task \d+ is still \*\*queued\*\*: `\/agent stop` it first/);
    expect(await tasks()).toHaveLength(1);
  });
});
