import { describe, expect, test } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { octokitPlatform } from "../../../src/github/octokit-platform.ts";
import { ProgressBoard } from "../../../src/delivery/status/progress-board.ts";
import { createStatusReporter, type StatusReporterOptions } from "../../../src/delivery/status/status-reporter.ts";
import type { Task } from "../../../src/tasks/model.ts";
import { sampleTask } from "../../fixtures/tasks.ts";
import { githubApi } from "../../helpers/github-api.ts";
import { silentLog } from "../../helpers/probot.ts";
import { recordingLog } from "../../helpers/recording-log.ts";
import { FakeClock } from "./support/fake-clock.ts";
import { part, passingTests, spend } from "./support/outcomes.ts";
import { commentsPath, statusCommentExpectingEdits } from "./support/status-comment-mock.ts";
import { FERRY_BOT, testAccountOf } from "../../helpers/ferry-account.ts";

const client = octokitPlatform(new Octokit({ auth: "token", log: silentLog }));
const task = (state: Task["state"], more: Partial<Task> = {}): Task => sampleTask({ state, ...more });

function reporter(options: Partial<StatusReporterOptions> = {}) {
  const clock = new FakeClock();
  const progress = new ProgressBoard();
  const status = createStatusReporter({ clientFor: async () => client, account: testAccountOf, log: silentLog, partsOf: async () => [], progress, clock, ...options });
  return { ...status, clock, progress };
}

describe("the status reporter", () => {
  test("edits inside the interval are merged into one edit at its end, showing the latest state", async () => {
    const bodies = statusCommentExpectingEdits(2);
    const { listener, clock, progress, flush } = reporter();

    await listener(task("preparing"));
    expect(bodies).toHaveLength(1);
    clock.advance(1_000);
    await listener(task("running"));
    clock.advance(1_000);
    progress.set(7, { phase: "working", step: 1 });
    clock.advance(1_000);
    progress.set(7, { phase: "working", step: 2, lastAction: "ran `npm test`" });
    clock.advance(1_000);
    progress.set(7, { phase: "working", step: 3, lastAction: "edited `src/a.ts`" });
    clock.advance(5_999);
    expect(bodies).toHaveLength(1);
    expect(clock.waiting).toBe(1);

    clock.advance(1);
    await flush(7);

    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toContain("- [ ] ⏳ **Preparing the workspace**");
    expect(bodies[1]).toContain("- [ ] ⏳ **Working** · step 3 · edited `src/a.ts`");
  });

  test("the ending goes out at once, replacing a waiting edit, and nothing follows it", async () => {
    const bodies = statusCommentExpectingEdits(2);
    githubApi().post("/repos/octo/app/issues/3/reactions", { content: "confused" }).reply(201, { id: 1, content: "confused" });
    const log = recordingLog();
    const { listener, clock, progress } = reporter({ log });

    await listener(task("preparing"));
    clock.advance(1_000);
    await listener(task("running"));
    progress.set(7, { phase: "working", step: 1 });
    await listener(task("failed", { result: { outcome: "error", message: "the sandbox died" } }));
    progress.set(7, { phase: "working", step: 2 });
    clock.advance(60_000);

    expect(clock.waiting).toBe(0);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toContain("**error**: Ferry stopped with an error: the sandbox died");
    expect(bodies[1]).toContain("- [ ] ❌ Working");
    expect(log.lines).toEqual([]);
  });

  test("a delivered task ends with its pull requests, a 🚀 and a check run on the last part", async () => {
    const bodies = statusCommentExpectingEdits(1);
    const checks: Record<string, unknown>[] = [];
    const head = "2".repeat(40);
    githubApi()
      .post("/repos/octo/app/issues/3/reactions", { content: "rocket" })
      .reply(201, { id: 1, content: "rocket" })
      .get(`/repos/octo/app/commits/${head}/check-runs`)
      .query(true)
      .reply(200, { total_count: 0, check_runs: [] })
      .post("/repos/octo/app/check-runs", (body: Record<string, unknown>) => checks.push(body) > 0)
      .reply(201, { id: 31 });
    const parts = [part(1, 12), part(2, 13)];
    const { listener } = reporter({ partsOf: async (taskId) => (taskId === 7 ? parts : []) });
    const result = { outcome: "changes-ready" as const, summary: "Fixed.", tests: passingTests, files: [], weakening: [], spend };

    await listener(task("done", { result }));

    expect(bodies[0]).toContain("- Part 2 of 2: #13");
    expect(checks).toEqual([expect.objectContaining({ head_sha: head, conclusion: "success" })]);
  });

  test("a change that renders the same body is not written", async () => {
    const bodies = statusCommentExpectingEdits(1);
    const { listener, clock, progress, flush } = reporter();

    await listener(task("running"));
    clock.advance(10_000);
    progress.set(7, { phase: "working", step: 0 });
    await flush(7);

    expect(bodies).toHaveLength(1);
  });

  test("two quick state changes end in one comment with the latest state instead of racing into two", async () => {
    const bodies: string[] = [];
    githubApi()
      .get(commentsPath)
      .query(true)
      .reply(200, [])
      .post(commentsPath, (body: { body: string }) => bodies.push(body.body) > 0)
      .reply(201, { id: 11 });
    const { listener } = reporter({ intervalMs: 0 });

    await Promise.all([listener(task("preparing")), listener(task("running"))]);

    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain("**Working**");
  });

  test("edits of one task run one after another, each showing the state it was made for", async () => {
    const bodies: string[] = [];
    githubApi()
      .get(commentsPath)
      .query(true)
      .reply(200, [])
      .post(commentsPath, (body: { body: string }) => bodies.push(body.body) > 0)
      .reply(201, { id: 11 })
      .get(commentsPath)
      .query(true)
      .reply(200, () => [{ id: 11, body: bodies[0], user: FERRY_BOT }])
      .patch("/repos/octo/app/issues/comments/11", (body: { body: string }) => bodies.push(body.body) > 0)
      .reply(200, { id: 11 });
    const { listener } = reporter({ intervalMs: 0 });

    await listener(task("preparing"));
    await listener(task("running"));

    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toContain("**Preparing the workspace**");
    expect(bodies[1]).toContain("**Working**");
  });

  test("a GitHub failure is logged, never thrown into the task", async () => {
    githubApi().get(commentsPath).query(true).reply(500, { message: "boom" });
    const log = recordingLog();
    const { listener } = reporter({ log });

    await expect(listener(task("preparing"))).resolves.toBeUndefined();
    expect(log.lines).toEqual([{ level: "warn", fields: expect.objectContaining({ task: 7, state: "preparing" }), message: "could not update the status comment" }]);
  });

  test("a failed last edit does not keep the ending's reaction back", async () => {
    githubApi()
      .get(commentsPath)
      .query(true)
      .reply(502, { message: "bad gateway" })
      .post("/repos/octo/app/issues/3/reactions", { content: "confused" })
      .reply(201, { id: 1, content: "confused" });
    const log = recordingLog();

    const reported: number[] = [];
    await reporter({ log, onEndingReported: async (id) => void reported.push(id) }).listener(task("failed", { result: { outcome: "error", message: "boom" } }));

    expect(log.lines.map((line) => line.message)).toEqual(["could not update the status comment"]);
    // Not all of the ending reached GitHub, so a restart sends it again.
    expect(reported).toEqual([]);
  });

  test("an ending that reached GitHub whole (last edit and reaction) is recorded as reported", async () => {
    statusCommentExpectingEdits(1);
    githubApi().post("/repos/octo/app/issues/3/reactions", { content: "confused" }).reply(201, { id: 1, content: "confused" });
    const reported: number[] = [];

    await reporter({ onEndingReported: async (id) => void reported.push(id) }).listener(task("failed", { result: { outcome: "error", message: "boom" } }));

    expect(reported).toEqual([7]);
  });

  test("a throw while recording the reported ending is logged with the task, and the task's next run still edits its comment", async () => {
    const bodies = statusCommentExpectingEdits(2);
    githubApi().post("/repos/octo/app/issues/3/reactions", { content: "confused" }).reply(201, { id: 1, content: "confused" });
    const log = recordingLog();
    const { listener } = reporter({
      log,
      onEndingReported: () => {
        throw new Error("database is locked");
      },
    });

    await listener(task("failed", { result: { outcome: "error", message: "boom" } }));
    await listener(task("preparing"));

    expect(log.lines).toEqual([expect.objectContaining({ level: "error", fields: expect.objectContaining({ task: 7 }), message: "status comment work failed; the next edit still goes out" })]);
    // Both expected edits were made (an unused mock fails the test); the last shows the new run.
    expect(bodies.at(-1)).toContain("Preparing");
  });

  test("the comment is found by its marker on a later page", async () => {
    const page1 = Array.from({ length: 100 }, (_, index) => ({ id: index + 1, body: "chatter" }));
    const patched: string[] = [];
    githubApi()
      .get(commentsPath)
      .query({ per_page: "100", page: "1" })
      .reply(200, page1)
      .get(commentsPath)
      .query({ per_page: "100", page: "2" })
      .reply(200, [{ id: 500, body: "<!-- ferry:task=7 status -->\nold", user: FERRY_BOT }])
      .patch("/repos/octo/app/issues/comments/500", (body: { body: string }) => patched.push(body.body) > 0)
      .reply(200, { id: 500 });

    await reporter().listener(task("preparing"));

    expect(patched[0]).toContain("Preparing");
  });

  test("a new run starts its checklist without the last run's progress", async () => {
    const bodies = statusCommentExpectingEdits(1);
    const { listener, progress } = reporter();
    progress.set(7, { phase: "working", step: 9, lastAction: "ran `ls`" });

    await listener(task("preparing"));

    expect(progress.get(7)).toBeUndefined();
    expect(bodies[0]).not.toContain("ran `ls`");
  });

  test("close drops waiting edits", async () => {
    statusCommentExpectingEdits(1);
    const { listener, clock, close } = reporter();
    await listener(task("preparing"));
    await listener(task("running"));

    close();

    expect(clock.waiting).toBe(0);
  });
});
