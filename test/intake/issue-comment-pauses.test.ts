import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import type { Probot } from "probot";
import type { ApprovalAnswer, AskAnswer } from "../../src/agent/pauses.ts";
import { createTaskPauses } from "../../src/steering/task-pauses.ts";
import type { TaskState } from "../../src/tasks/model.ts";
import { githubApi } from "../helpers/github-api.ts";
import { mockCommentReaction, mockInstallationToken, mockPermission, mockReply } from "../helpers/github-mocks.ts";
import { intakeDeps } from "../helpers/intake-deps.ts";
import { deliver, testProbot } from "../helpers/probot.ts";
import { INSTALLATION_ID, issueCommentCreated, REPO } from "../fixtures/webhooks.ts";
import { postRecorder } from "../steering/support/post-recorder.ts";

// A task of the example issue waits for a person; replies arrive through probot.receive.

const COMMENT_ID = 492700400;
const request = { command: "npm install left-pad", pattern: "npm install *" };
// Long enough that no test ends by its deadline.
const WAIT_MS = 60 * 60_000;

let deps: ReturnType<typeof intakeDeps>;
let probot: Probot;
let taskId: number;
let controller: AbortController;
let settled: Promise<unknown>;

beforeEach(async () => {
  deps = intakeDeps();
  probot = testProbot(deps);
  controller = new AbortController();
  settled = Promise.resolve();
  taskId = (await deps.store.createTask({
    repo: {
      owner: REPO.owner,
      name: REPO.name,
      installationId: INSTALLATION_ID,
      cloneUrl: `https://github.com/${REPO.owner}/${REPO.name}.git`,
      defaultBranch: REPO.defaultBranch,
    },
    issueNumber: REPO.issue,
    trigger: "label",
    requester: "maintainer",
  })).task.id;
  for (const state of ["preparing", "running"] as const) await deps.store.transition(taskId, state);
});
afterEach(async () => {
  controller.abort(new Error("the test is over"));
  await settled;
  await deps.store.close();
});

/**
 * The task's pauses as the runner builds them. A slow poll leaves what the handlers stored in
 * the inbox for the test to see; a fast one hands it to the waiting agent.
 */
async function waitingFor<T>(pause: (pauses: ReturnType<typeof createTaskPauses>) => Promise<T>, poll: "fast" | "slow" = "fast") {
  const recorder = postRecorder();
  const moveTo = async (state: TaskState, reason?: string) => await deps.store.transition(taskId, state, { reason });
  const pollMs = poll === "fast" ? 1 : WAIT_MS;
  const answer = pause(createTaskPauses({ store: deps.store, taskId, moveTo, post: recorder.post, waitMs: WAIT_MS, pollMs }));
  settled = answer.catch(() => undefined);
  await recorder.posted();
  // Wrapped: an async function returning the promise itself would wait for the answer.
  return { answer };
}

const approval = (poll?: "fast" | "slow") => waitingFor<ApprovalAnswer>((pauses) => pauses.approve(request, controller.signal), poll);
const question = (poll?: "fast" | "slow") => waitingFor<AskAnswer>((pauses) => pauses.ask("Which API version?", controller.signal), poll);
const comment = (body: string, id = "c-1", sender?: { login: string; type?: "User" | "Bot" }) =>
  deliver(probot, "issue_comment", id, issueCommentCreated(body, sender));
const state = async () => (await deps.store.getTask(taskId))?.state;
const inbox = async () => await deps.store.takeInbox(taskId, ["approval", "answer"]);

function writer(login = "maintainer") {
  const scope = githubApi();
  mockInstallationToken(scope);
  mockPermission(scope, login, "write");
  return scope;
}

function reader(login: string) {
  const scope = githubApi();
  mockInstallationToken(scope);
  mockPermission(scope, login, "read");
  return scope;
}

describe("/agent approve", () => {
  test("from a writer, releases the waiting command: the agent is approved by that writer and runs on", async () => {
    mockReply(mockCommentReaction(writer(), COMMENT_ID));
    const { answer } = await approval();

    await comment("/agent approve");

    await expect(answer).resolves.toEqual({ approved: true, by: "maintainer" });
    expect(await state()).toBe("running");
  });

  test("from a writer, is answered with what was approved", async () => {
    const replies: string[] = [];
    mockReply(mockCommentReaction(writer(), COMMENT_ID), replies);
    const { answer } = await approval();

    await comment("/agent approve");
    await answer;

    expect(replies).toEqual([expect.stringContaining("@maintainer approved this command")]);
    expect(replies[0]).toContain("npm install left-pad");
  });

  test("with nothing waiting, says so and stores nothing", async () => {
    const replies: string[] = [];
    mockReply(mockCommentReaction(writer(), COMMENT_ID), replies);

    await comment("/agent approve");

    expect(replies).toEqual(["Nothing on this issue is waiting for `/agent approve`."]);
    expect(await inbox()).toEqual([]);
  });

  test("while the agent waits for an answer, says how to answer instead and stores nothing", async () => {
    const replies: string[] = [];
    mockReply(mockCommentReaction(writer(), COMMENT_ID), replies);
    await question("slow");

    await comment("/agent approve");

    expect(replies).toEqual([expect.stringContaining("waiting for an answer to its question")]);
    expect(await inbox()).toEqual([]);
  });

  test("from someone without write access, is refused and approves nothing", async () => {
    const replies: string[] = [];
    mockReply(reader("octocat"), replies);
    await approval("slow");

    await comment("/agent approve", "c-1", { login: "octocat" });

    expect(replies).toEqual(["Sorry @octocat, only people with write access to this repository can give Ferry commands."]);
    expect(await inbox()).toEqual([]);
    expect(await state()).toBe("waiting");
  });
});

describe("an answer to the agent's question", () => {
  test("is a writer's plain comment: the agent gets it, with who wrote it, and runs on", async () => {
    mockCommentReaction(writer(), COMMENT_ID);
    const { answer } = await question();

    await comment("Use the v2 API, please.");

    await expect(answer).resolves.toEqual({ answered: true, answer: "Use the v2 API, please.", by: "maintainer" });
    expect(await state()).toBe("running");
  });

  test("is acknowledged with 👀 on the comment and no reply", async () => {
    const scope = mockCommentReaction(writer(), COMMENT_ID);
    await question("slow");

    await comment("Use the v2 API, please.");

    expect(scope.isDone()).toBe(true);
    expect(await inbox()).toMatchObject([{ kind: "answer", author: "maintainer", body: "Use the v2 API, please." }]);
  });

  test("is not taken from someone without write access, and they get no reply", async () => {
    reader("octocat");
    await question("slow");

    await comment("Use v3, it's better.", "c-1", { login: "octocat" });

    expect(await inbox()).toEqual([]);
    expect(await state()).toBe("waiting");
  });

  test("is not taken from a bot, at no request", async () => {
    await question("slow");

    await comment("Use v3.", "c-1", { login: "helper[bot]", type: "Bot" });

    expect(await inbox()).toEqual([]);
  });

  test("is given once when GitHub redelivers the comment", async () => {
    mockCommentReaction(writer(), COMMENT_ID);
    await question("slow");

    await comment("Use the v2 API, please.", "c-1");
    await comment("Use the v2 API, please.", "c-1");

    expect(await inbox()).toHaveLength(1);
  });

  test("is not taken while the agent waits for an approval: a plain comment cannot approve, at no request", async () => {
    await approval("slow");

    await comment("sure, go ahead");

    expect(await inbox()).toEqual([]);
  });

  test("is not taken while nothing waits: plain comments on a running task cost no request", async () => {
    await comment("Looking forward to this!");

    expect(await deps.store.takeInbox(taskId, ["redirect", "approval", "answer"])).toEqual([]);
  });
});
