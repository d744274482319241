import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { webhookHandlers } from "../../src/intake/app.ts";
import { WebhookBacklog } from "../../src/intake/backlog/webhook-backlog.ts";
import { intakeApp } from "../../src/intake/webhook-server/intake-app.ts";
import { FollowUps } from "../../src/steering/follow-ups/follow-ups.ts";
import { issueClosed, issueLabeled } from "../fixtures/webhooks.ts";
import { githubApi } from "../helpers/github-api.ts";
import { mockInstallationToken, mockLabelAccepted, mockPermission } from "../helpers/github-mocks.ts";
import { intakeDeps } from "../helpers/intake-deps.ts";
import { silentLog, testPrivateKey } from "../helpers/probot.ts";
import { manualClock } from "../steering/support/manual-clock.ts";
import { agentPull } from "../steering/review/support/agent-pull.ts";
import { mockReviewCommentReaction, mockReviewComments, mockReviewThreads } from "../steering/review/support/review-mocks.ts";
import { reviewSubmitted } from "../steering/review/support/review-webhooks.ts";

// The operator follows a cancel and a taken review in the info log: which task, and why.

let lines: Record<string, unknown>[];
let deps: ReturnType<typeof intakeDeps>;
let deliver: (name: string, id: string, payload: object) => Promise<void>;

beforeEach(() => {
  lines = [];
  const base = intakeDeps();
  const queue = { reopen: async (id: number) => await base.store.transition(id, "queued") };
  deps = { ...base, followUps: new FollowUps({ store: base.store, queue, log: silentLog, now: manualClock().now }) };
  // Handlers log through the backlog's logger (a child per delivery): this one keeps the info lines.
  const log = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  const probot = new Probot({ appId: 123, privateKey: testPrivateKey(), log: silentLog, Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })) });
  const handlers = webhookHandlers(deps);
  const backlog = new WebhookBacklog({ store: deps.store, handlers, clientFor: (installationId) => probot.auth(installationId), log, retryDelaysMs: [] });
  void probot.load(intakeApp(backlog, Object.keys(handlers)));
  deliver = async (name, id, payload) => {
    await probot.receive({ id, name, payload } as Parameters<Probot["receive"]>[0]);
    await backlog.idle();
  };
});
afterEach(async () => {
  deps.followUps.stop();
  await deps.store.close();
});

const logged = (msg: string) => lines.filter((line) => line.msg === msg);

test("cancelling a task is logged with the task and the reason", async () => {
  const scope = githubApi();
  mockInstallationToken(scope);
  mockLabelAccepted(scope);
  await deliver("issues", "label-1", issueLabeled("agent"));
  const [task] = await deps.store.listTasks(["queued"]);

  await deliver("issues", "close-1", issueClosed({ login: "author" }));

  expect(logged("cancelling task")).toEqual([expect.objectContaining({ task: task?.id, reason: "@author closed the issue" })]);
});

test("a taken review is logged with its task, pull request, follow-up and answer", async () => {
  const task = await agentPull(deps.store);
  const scope = githubApi();
  mockInstallationToken(scope);
  mockPermission(scope, "maintainer", "write");
  mockReviewComments(scope, 801, [{ id: 11, reviewId: 801 }]);
  mockReviewThreads([]);
  mockReviewCommentReaction(scope, 11);

  await deliver("pull_request_review", "d-1", reviewSubmitted({ id: 801, state: "changes_requested" }));

  const [followUp] = await deps.store.openFollowUps(task.id);
  expect(logged("Review feedback taken")).toEqual([expect.objectContaining({ task: task.id, pull: 2, followUp: followUp?.id, answer: expect.any(String) })]);
});
