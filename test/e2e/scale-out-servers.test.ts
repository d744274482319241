import { beforeAll, describe, expect, test } from "@jest/globals";
import { describeWithPostgres, useCluster } from "../helpers/postgres.ts";
import { waitFor } from "../helpers/process.ts";
import type { Issue, Repository } from "./github-standin/state.ts";
import { deliveryIdsIn, sweepClaimsIn, tasksIn } from "./support/ferry-postgres.ts";
import { AGENT_YML, seedBuggyRepo } from "./support/harness.ts";
import { scaleOutFor } from "./support/scale-out-harness.ts";
import type { ScaleOut } from "./support/scale-out-harness.ts";
import { fixAddStep, markedTitle } from "./support/scale-script.ts";
import { issuesLabeled } from "./support/webhooks.ts";

/**
 * Scale-out (issue 20) with two `ferry server` processes and one worker on one PostgreSQL
 * database: a delivery that reaches both servers (a redelivery landing on the other one, a load
 * balancer's retry) is handled once, and a sweep's due time is swept by one server only.
 */
const STATUS = /<!-- ferry:task=\d+ status -->/;
const MAINTAINER = { login: "maintainer" };

const seed = (world: ScaleOut, name: string, agentYml = AGENT_YML) =>
  seedBuggyRepo({ dir: world.dir, standin: world.standin } as Parameters<typeof seedBuggyRepo>[0], name, agentYml);

async function waitForDone(world: ScaleOut, repo: Repository, issue: Issue, timeoutMs: number): Promise<void> {
  await waitFor(`issue #${issue.number} to get 🚀 and its status comment Done`, () => {
    const rocket = world.standin.reactionsOn(repo, issue.number).includes("rocket");
    const done = world.standin.commentsOn(repo, issue.number).some((comment) => comment.body.includes("✅ **Done**"));
    return rocket && done ? true : undefined;
  }, timeoutMs);
}

/**
 * A daily cron whose one due time was two minutes ago: every server's next tick (at the start of a
 * minute, after up to 30 s of jitter) finds that same due time, and no other comes during the test.
 */
function cronDueTwoMinutesAgo(): { cron: string; dueAt: string } {
  const due = new Date(Math.floor((Date.now() - 120_000) / 60_000) * 60_000);
  return { cron: `${due.getUTCMinutes()} ${due.getUTCHours()} * * *`, dueAt: due.toISOString() };
}

describeWithPostgres("scale-out with two servers", () => {
  // The cluster's afterAll is the outer block's: it stops after the processes inside stopped.
  const cluster = useCluster();
  describe("two servers and one worker on one database", () => {
    const world = scaleOutFor(async () => ({
      databaseUrl: await cluster().createDatabase(),
      servers: 2,
      workers: 1,
      script: fixAddStep,
      env: { FERRY_CONCURRENCY: "2" },
    }));
    const sweep = cronDueTwoMinutesAgo();
    let backlog: Repository;
    let backlogIssues: Issue[];

    beforeAll(async () => {
      const w = world();
      // Seeded first: the servers' next tick sweeps it while the delivery scenario runs.
      backlog = await seed(w, "backlog", `${AGENT_YML}sweep: { cron: "${sweep.cron}", labels: [agent-backlog], maxPerRun: 1, maxOpenPRs: 5 }\n`);
      w.standin.setPermission(backlog, "maintainer", "write");
      backlogIssues = ["2024-01-01T09:00:00Z", "2024-01-02T09:00:00Z"].map((createdAt, index) => {
        const issue = w.standin.addIssue(backlog, { title: `add() subtracts, backlog ${index + 1}`, body: "add(2, 3) should be 5.", labels: ["agent-backlog"], user: "reporter", labelledBy: "maintainer" });
        issue.createdAt = createdAt;
        return issue;
      });
    });

    describe("one delivery posted to both servers at once", () => {
      let repo: Repository;
      let issue: Issue;
      let answers: number[] = [];
      const DELIVERY = "b2f1c2a0-0000-4000-8000-00000000dup1";

      beforeAll(async () => {
        const w = world();
        repo = await seed(w, "calc");
        w.standin.setPermission(repo, "maintainer", "write");
        issue = w.standin.addIssue(repo, { title: markedTitle(1), body: "add(2, 3) should be 5.", user: "reporter", labels: ["agent"] });
        const delivery = { event: "issues", payload: issuesLabeled(w.standin, repo, issue, "agent", MAINTAINER), id: DELIVERY };
        answers = (await Promise.all([w.deliver(delivery, 0), w.deliver(delivery, 1)])).map((answer) => answer.status);
        await waitForDone(w, repo, issue, 120000);
      }, 180000);

      test("both servers accept it, and it is handled once: one task, one delivery record", async () => {
        const w = world();
        expect(answers).toEqual([200, 200]);
        expect((await tasksIn(w.databaseUrl)).filter((task) => task.repo === "octo-org/calc")).toEqual([expect.objectContaining({ issue: issue.number, state: "done", trigger: "label" })]);
        expect((await deliveryIdsIn(w.databaseUrl)).filter((id) => id === DELIVERY)).toEqual([DELIVERY]);
      });

      test("one status comment, one pull request, 👀 and 🚀 once each", () => {
        const w = world();
        expect(w.standin.commentsOn(repo, issue.number).filter((comment) => STATUS.test(comment.body))).toHaveLength(1);
        expect(w.standin.pullsOf(repo)).toHaveLength(1);
        expect(w.standin.reactionsOn(repo, issue.number)).toEqual(["eyes", "rocket"]);
      });
    });

    describe("one sweep due time, two servers ticking", () => {
      beforeAll(async () => {
        const w = world();
        const [claim] = await waitFor("a server to claim the due time", async () => {
          const claims = await sweepClaimsIn(w.databaseUrl);
          return claims.length > 0 ? claims : undefined;
        }, 100000);
        expect(claim?.dueAt).toBe(sweep.dueAt);
        // Both servers tick at the start of the same minute and sweep within its first 30 s (jitter): past that, the other had its turn.
        const tick = Math.floor(Date.now() / 60_000) * 60_000;
        await new Promise((resolve) => setTimeout(resolve, Math.max(tick + 35_000 - Date.now(), 0)));
        const [swept] = backlogIssues;
        if (swept) await waitForDone(w, backlog, swept, 120000);
      }, 240000);

      test("one claim for the due time, and one pass: one task, for the oldest backlog issue (maxPerRun 1)", async () => {
        const w = world();
        expect(await sweepClaimsIn(w.databaseUrl)).toEqual([{ repo: "octo-org/backlog", dueAt: sweep.dueAt }]);
        const swept = (await tasksIn(w.databaseUrl)).filter((task) => task.repo === "octo-org/backlog");
        expect(swept).toEqual([expect.objectContaining({ issue: backlogIssues[0]?.number, trigger: "sweep", state: "done" })]);
        expect(w.standin.commentsOn(backlog, backlogIssues[1]?.number ?? 0)).toEqual([]);
      });

      test("the swept issue is delivered once: one status comment, one pull request", () => {
        const w = world();
        const [swept] = backlogIssues;
        expect(w.standin.commentsOn(backlog, swept?.number ?? 0).filter((comment) => STATUS.test(comment.body))).toHaveLength(1);
        expect(w.standin.pullsOf(backlog)).toHaveLength(1);
        expect(w.standin.violations).toEqual([]);
      });
    });
  });
});
