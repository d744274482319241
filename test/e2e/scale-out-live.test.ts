import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { describeWithPostgres, useCluster } from "../helpers/postgres.ts";
import { waitFor } from "../helpers/process.ts";
import type { Issue, Repository } from "./github-standin/state.ts";
import { tasksIn } from "./support/ferry-postgres.ts";
import { seedBuggyRepo } from "./support/harness.ts";
import { startScaleOut, type ScaleOut } from "./support/scale-out-harness.ts";
import { fixAddStep, markedTitle } from "./support/scale-script.ts";
import { postedComment } from "./support/webhooks.ts";

/**
 * Anything a server shows, any server can show (issue 20): with the task running in a `ferry
 * worker`, the `ferry server` answers `/agent status` with the agent's live progress, a redirect it
 * takes refreshes the worker's status comment, and the trajectory link the worker put in the
 * comment is served by the server, which never had the file.
 */
const STATUS = /<!-- ferry:task=\d+ status -->/;
const MAINTAINER = { login: "maintainer" };
const PUBLIC_URL = "https://ferry.example.test";
const LINK = new RegExp(`${PUBLIC_URL.replaceAll(".", "\\.")}(/ferry/trajectories/task-\\d+/run-\\d+\\.jsonl\\?sig=[0-9a-f]+)`);

const seed = (world: ScaleOut, name: string) => seedBuggyRepo({ dir: world.dir, standin: world.standin } as Parameters<typeof seedBuggyRepo>[0], name);
const statusComment = (world: ScaleOut, repo: Repository, issue: Issue) => world.standin.commentsOn(repo, issue.number).find((comment) => STATUS.test(comment.body));

describeWithPostgres("scale-out: what the server shows of a task on a worker", () => {
  const cluster = useCluster();
  describe("one server and one worker", () => {
    let started: ScaleOut | undefined;
    const world = (): ScaleOut => {
      if (!started) throw new Error("the scaled-out world did not start");
      return started;
    };
    beforeAll(async () => {
      started = await startScaleOut({ databaseUrl: await cluster().createDatabase(), servers: 1, workers: 1, script: fixAddStep, env: { FERRY_PUBLIC_URL: PUBLIC_URL } });
    }, 120_000);
    afterAll(async () => {
      // Every process stopped cleanly on SIGTERM.
      expect((await started?.close())?.filter((code) => code !== 0)).toEqual([]);
    }, 60_000);
    let repo: Repository;
    let issue: Issue;
    let statusReply = "";
    let redirectShown = false;

    beforeAll(async () => {
      const w = world();
      repo = await seed(w, "calc");
      w.standin.setPermission(repo, "maintainer", "write");
      issue = w.standin.addIssue(repo, { title: markedTitle(21), body: "add(2, 3) should be 5.", user: "reporter" });
      // The agent's third model request waits: the run sits at step 2, the fix written, until released.
      const held = w.model.hold("[scale-21]", 2);
      expect((await w.label(repo, issue, "agent", MAINTAINER)).status).toBe(200);
      await held.reached;
      // The worker writes progress at most once a second: give its last write time to land.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const status = postedComment(w.standin, repo, issue, "/agent status", MAINTAINER);
      expect((await w.deliver({ event: "issue_comment", payload: status.payload })).status).toBe(200);
      statusReply = await waitFor("the server's /agent status reply", () => w.standin.commentsOn(repo, issue.number).find((comment) => !STATUS.test(comment.body) && comment.body.includes("**Now**"))?.body, 30_000);
      // Past the reporter's 10 s between edits: no edit the run's last progress asked for is still waiting to go out.
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      const redirect = postedComment(w.standin, repo, issue, "/agent redirect keep the tests as they are", MAINTAINER);
      expect((await w.deliver({ event: "issue_comment", payload: redirect.payload })).status).toBe(200);
      // Nothing else moves the run while the model is held: only the touch reaching the worker edits its comment.
      redirectShown = await waitFor("the worker's status comment to show the redirect", () => (statusComment(w, repo, issue)?.body.includes("keep the tests as they are") ? true : undefined), 30_000).catch(() => false);
      held.release();
      await waitFor("the status comment to end Done", () => (statusComment(w, repo, issue)?.body.includes("✅ **Done**") ? true : undefined), 120_000);
    }, 240_000);

    test("/agent status on the server shows where the worker's agent is", () => {
      expect(statusReply).toMatch(/\*\*Now\*\*: working, step \d/);
    });

    test("a redirect the server took refreshes the status comment the worker keeps", () => {
      expect(redirectShown).toBe(true);
    });

    test("the trajectory link in the worker's comment is served by the server, whole; a tampered one is refused", async () => {
      const w = world();
      const path = LINK.exec(statusComment(w, repo, issue)?.body ?? "")?.[1];
      expect(path).toBeDefined();
      const task = (await tasksIn(w.databaseUrl)).find((candidate) => candidate.issue === issue.number);
      const file = readFileSync(join(w.dir, "worker-0", "data", "trajectories", `task-${task?.id}`, "run-1.jsonl"), "utf8");
      const served = await fetch(`${w.servers[0]?.url}${path}`);
      expect(served.status).toBe(200);
      expect(await served.text()).toBe(file);
      const tampered = (path ?? "").replace(/sig=([0-9a-f])/, (_all, first: string) => `sig=${first === "0" ? "1" : "0"}`);
      expect((await fetch(`${w.servers[0]?.url}${tampered}`)).status).toBe(404);
    });
  });
});
