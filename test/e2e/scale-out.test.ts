import { beforeAll, describe, expect, test } from "@jest/globals";
import { expectLoggedWarning } from "../helpers/logged-problems.ts";
import { describeWithPostgres, useCluster } from "../helpers/postgres.ts";
import { waitFor } from "../helpers/process.ts";
import type { Issue, Repository } from "./github-standin/state.ts";
import { runsIn, tasksIn } from "./support/ferry-postgres.ts";
import { seedBuggyRepo } from "./support/harness.ts";
import { scaleOutFor } from "./support/scale-out-harness.ts";
import type { ScaleOut } from "./support/scale-out-harness.ts";
import { fixAddStep, markedTitle } from "./support/scale-script.ts";
import { postedComment } from "./support/webhooks.ts";

/**
 * Scale-out (issue 20): one `ferry server` and two `ferry worker` processes on one PostgreSQL
 * database, as real processes with the GitHub stand-in and a scripted model. Six labelled issues
 * are all delivered, on both workers; `/agent stop` posted to the server ends a run in a worker
 * within 2 s; a worker killed mid-task hands its task to the other. One world for the file (the
 * kill comes last), so the suite pays for one start.
 */
const STATUS = /<!-- ferry:task=\d+ status -->/;
const MAINTAINER = { login: "maintainer" };

/** seedBuggyRepo takes a Harness; it uses only `dir` and `standin`, which the scaled-out world has too. */
const seed = (world: ScaleOut, name: string) => seedBuggyRepo({ dir: world.dir, standin: world.standin } as Parameters<typeof seedBuggyRepo>[0], name);

async function waitForDone(world: ScaleOut, repo: Repository, issue: Issue, timeoutMs: number): Promise<void> {
  await waitFor(`issue #${issue.number} to get 🚀 and its status comment Done`, () => {
    const rocket = world.standin.reactionsOn(repo, issue.number).includes("rocket");
    const done = world.standin.commentsOn(repo, issue.number).some((comment) => comment.body.includes("✅ **Done**"));
    return rocket && done ? true : undefined;
  }, timeoutMs);
}

describeWithPostgres("scale-out", () => {
  // The cluster's afterAll is the outer block's: it stops after the processes inside stopped.
  const cluster = useCluster();
  describe("one server and two workers on one database", () => {
  const world = scaleOutFor(async () => ({
    databaseUrl: await cluster().createDatabase(),
    servers: 1,
    workers: 2,
    script: fixAddStep,
    env: { FERRY_CONCURRENCY: "2" },
  }));
  let repo: Repository;

  beforeAll(async () => {
    repo = await seed(world(), "calc");
    world().standin.setPermission(repo, "maintainer", "write");
  });

  describe("six labelled issues", () => {
    const issues: Issue[] = [];
    let tookMs = 0;

    beforeAll(async () => {
      const w = world();
      // Four first model requests wait for each other: four tasks at once, two slots per worker, so both work.
      w.model.gateFirstSteps(4);
      const began = performance.now();
      for (let n = 1; n <= 6; n += 1) {
        const issue = w.standin.addIssue(repo, { title: markedTitle(n), body: "add(2, 3) should be 5.", user: "reporter" });
        issues.push(issue);
        expect((await w.label(repo, issue, "agent", MAINTAINER)).status).toBe(200);
      }
      for (const issue of issues) await waitForDone(w, repo, issue, 180000);
      tookMs = performance.now() - began;
      process.stderr.write(`scale-out: six issues delivered in ${Math.round(tookMs)} ms\n`);
    }, 240000);

    test("every issue is delivered: one done task, one pull request and one status comment ending Done each", async () => {
      const w = world();
      const tasks = (await tasksIn(w.databaseUrl)).sort((a, b) => a.issue - b.issue);
      expect(tasks.map(({ issue, state }) => ({ issue, state }))).toEqual(issues.map((issue) => ({ issue: issue.number, state: "done" })));
      for (const issue of issues) {
        expect(w.standin.pullsOf(repo).filter((pull) => pull.head === `agent/issue-${issue.number}/part-1`)).toHaveLength(1);
        const statuses = w.standin.commentsOn(repo, issue.number).filter((comment) => STATUS.test(comment.body));
        expect(statuses).toHaveLength(1);
        expect(statuses[0]?.body).toContain("✅ **Done**");
        expect(w.standin.reactionsOn(repo, issue.number)).toEqual(["eyes", "rocket"]);
      }
      expect(w.standin.pullsOf(repo)).toHaveLength(6);
    });

    test("the work landed on both workers, each task on exactly one", async () => {
      const w = world();
      const tasks = await tasksIn(w.databaseUrl);
      const placed = tasks.map((task) => w.ranOn(task.id));
      expect(placed.every((workers) => workers.length === 1)).toBe(true);
      expect(new Set(placed.flat())).toEqual(new Set([0, 1]));
      expect((await runsIn(w.databaseUrl)).map(({ ended, interrupted }) => ({ ended, interrupted }))).toEqual(tasks.map(() => ({ ended: true, interrupted: false })));
      expect(w.standin.violations).toEqual([]);
    });
  });

  describe("/agent stop posted to the server, on a task running in a worker", () => {
    let issue: Issue;
    let stoppedInMs = { cancelled: Number.NaN, cutOff: Number.NaN };

    beforeAll(async () => {
      const w = world();
      issue = w.standin.addIssue(repo, { title: markedTitle(7), body: "add(2, 3) should be 5.", user: "reporter" });
      // The agent's second model request never gets its answer: the run waits on the model until the stop cuts it off.
      const held = w.model.hold("[scale-7]", 1);
      expect((await w.label(repo, issue, "agent", MAINTAINER)).status).toBe(200);
      const request = await held.reached;
      const { payload } = postedComment(w.standin, repo, issue, "/agent stop", MAINTAINER);
      expect((await w.deliver({ event: "issue_comment", payload })).status).toBe(200);
      const answered = Date.now();
      const taskId = (await tasksIn(w.databaseUrl)).find((task) => task.issue === issue.number)?.id;
      const cancelledAt = await waitFor("the task to be cancelled", async () => {
        const task = (await tasksIn(w.databaseUrl)).find((candidate) => candidate.id === taskId);
        return task?.state === "cancelled" ? Date.now() : undefined;
      }, 10000);
      const cutOffAt = await waitFor("the worker to cut off its model request", () => request.cutOffAt, 10000);
      stoppedInMs = { cancelled: cancelledAt - answered, cutOff: cutOffAt - answered };
      process.stderr.write(`scale-out: /agent stop → cancelled in ${stoppedInMs.cancelled} ms, model call cut off in ${stoppedInMs.cutOff} ms\n`);
      held.release();
    }, 120000);

    test("the worker's model call is cut off within 2 s of the stop's webhook answer, and the task is cancelled", () => {
      expect(stoppedInMs.cancelled).toBeLessThan(2000);
      expect(stoppedInMs.cutOff).toBeLessThan(2000);
    });

    test("the run is ended and no pull request was opened for the issue", async () => {
      const w = world();
      const taskId = (await tasksIn(w.databaseUrl)).find((task) => task.issue === issue.number)?.id;
      await waitFor("the stopped run to end", async () => ((await runsIn(w.databaseUrl)).filter((run) => run.task === taskId).every((run) => run.ended) ? true : undefined), 10000);
      expect(w.standin.pullsOf(repo).filter((pull) => pull.head.startsWith(`agent/issue-${issue.number}/`))).toEqual([]);
    });
  });

  describe("a task's first status writes, from the server's intake and from the worker, overlapping", () => {
    let issue: Issue;

    beforeAll(async () => {
      const w = world();
      issue = w.standin.addIssue(repo, { title: markedTitle(9), body: "add(2, 3) should be 5.", user: "reporter" });
      // GitHub sits on the first status comment's POST (the server's queued comment, or the worker's first edit, whichever
      // comes first) until the worker is well into its run: the other process's write must wait for it, not post a second.
      const first = w.standin.hold("POST", new RegExp(`/issues/${issue.number}/comments$`), (body) => JSON.stringify(body).includes("ferry:task="));
      expect((await w.label(repo, issue, "agent", MAINTAINER)).status).toBe(200);
      await first.reached;
      await waitFor("the worker's run to reach the model", () => (w.model.requests.some((request) => request.marker === "[scale-9]") ? true : undefined), 60000);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      first.release("answer");
      await waitForDone(w, repo, issue, 120000);
    }, 180000);

    test("one status comment, ending Done: the two processes' writes went one after the other", () => {
      const statuses = world().standin.commentsOn(repo, issue.number).filter((comment) => STATUS.test(comment.body));
      expect(statuses).toHaveLength(1);
      expect(statuses[0]?.body).toContain("✅ **Done**");
    });
  });

  describe("kill -9 of the worker running a task", () => {
    let issue: Issue;
    let killed = -1;
    let at: { state: string | undefined; comments: number; reactions: string[] } | undefined;
    let resumedInMs = Number.NaN;

    beforeAll(async () => {
      const w = world();
      issue = w.standin.addIssue(repo, { title: markedTitle(8), body: "add(2, 3) should be 5.", user: "reporter" });
      // Mid-task: the fix is written, and the model's answer to the next request never comes.
      const held = w.model.hold("[scale-8]", 2);
      expect((await w.label(repo, issue, "agent", MAINTAINER)).status).toBe(200);
      await held.reached;
      const task = (await tasksIn(w.databaseUrl)).find((candidate) => candidate.issue === issue.number);
      const [holder] = w.ranOn(task?.id ?? 0);
      if (holder === undefined) throw new Error("no worker holds the task's trajectory");
      killed = holder;
      await waitFor("the status comment and 👀", () => (w.standin.commentsOn(repo, issue.number).length > 0 && w.standin.reactionsOn(repo, issue.number).includes("eyes") ? true : undefined), 30000);
      await w.workers[holder]?.kill9();
      const diedAt = performance.now();
      at = { state: task?.state, comments: w.standin.commentsOn(repo, issue.number).length, reactions: w.standin.reactionsOn(repo, issue.number) };
      expectLoggedWarning(/Resumed a task whose worker stopped or died/);
      await waitFor("the other worker to resume the task", () => (w.ranOn(task?.id ?? 0).length === 2 ? true : undefined), 90000);
      resumedInMs = performance.now() - diedAt;
      process.stderr.write(`scale-out: the killed worker's task resumed on the other after ${Math.round(resumedInMs)} ms\n`);
      await waitForDone(w, repo, issue, 120000);
      await waitFor("the Ferry check run on the branch's head", async () => {
        const head = (await w.standin.branchesOf(repo)).get(`agent/issue-${issue.number}/part-1`);
        return w.standin.checkRunsOf(repo).some((run) => run.headSha === head && run.status === "completed") ? true : undefined;
      }, 30000);
    }, 300000);

    test("the kill caught the task running, with 👀 and its status comment already on the issue", () => {
      expect(at).toEqual({ state: "running", comments: 1, reactions: ["eyes"] });
    });

    test("the other worker resumed it within 60 s and finished it: the killed run interrupted, a second one ended", async () => {
      const w = world();
      expect(resumedInMs).toBeLessThan(60000);
      const task = (await tasksIn(w.databaseUrl)).find((candidate) => candidate.issue === issue.number);
      expect(task?.state).toBe("done");
      expect(w.ranOn(task?.id ?? 0)).toEqual([0, 1]);
      const runs = (await runsIn(w.databaseUrl)).filter((run) => run.task === task?.id);
      expect(runs.map(({ number, ended, interrupted }) => ({ number, ended, interrupted }))).toEqual([
        { number: 1, ended: true, interrupted: true },
        { number: 2, ended: true, interrupted: false },
      ]);
      expect(killed).toBeGreaterThanOrEqual(0);
    });

    test("one pull request, one status comment ending Done, 👀 and 🚀 once each, one Ferry check run per head", async () => {
      const w = world();
      expect(w.standin.pullsOf(repo).filter((pull) => pull.head.startsWith(`agent/issue-${issue.number}/`))).toHaveLength(1);
      const statuses = w.standin.commentsOn(repo, issue.number).filter((comment) => STATUS.test(comment.body));
      expect(statuses).toHaveLength(1);
      expect(statuses[0]?.body).toContain("✅ **Done**");
      expect(w.standin.reactionsOn(repo, issue.number)).toEqual(["eyes", "rocket"]);
      const head = (await w.standin.branchesOf(repo)).get(`agent/issue-${issue.number}/part-1`);
      const perHead = new Map<string, number>();
      for (const run of w.standin.checkRunsOf(repo).filter((candidate) => candidate.name === "Ferry")) perHead.set(run.headSha, (perHead.get(run.headSha) ?? 0) + 1);
      expect([...perHead.values()].every((count) => count === 1)).toBe(true);
      expect(head && perHead.get(head)).toBe(1);
      expect(w.standin.violations).toEqual([]);
    });
  });
});
});
