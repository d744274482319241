import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "@jest/globals";
import { expectLoggedWarning } from "../helpers/logged-problems.ts";
import { e2eSandbox } from "./support/sandbox-mode.ts";
import { waitFor } from "../helpers/process.ts";
import type { Issue, Repository } from "./github-standin/state.ts";
import { deliveriesInDatabase, runsInDatabase, tasksInDatabase, type StoredTask } from "./support/ferry-db.ts";
import { cutOffScript, CUT_OFF_REQUESTS } from "./support/crash-script.ts";
import { seedBuggyRepo, testsPassOnFreshClone, waitForEnding, type Harness } from "./support/harness.ts";
import { harnessFor } from "./support/harness-for.ts";
import { fixAddScript } from "./support/model-scripts.ts";
import { issuesLabeled } from "./support/webhooks.ts";

/**
 * Scenario 9: Ferry is killed with SIGKILL while the agent is mid-run (its model request never
 * answered), then started again on the same data directory. The new process re-queues the task
 * it finds in flight and completes it once: one pull request, one status comment, one Ferry
 * check run per head, each reaction once. The stand-in and the model live through the crash.
 */
const PART_BRANCH = "agent/issue-1/part-1";

/** The repository every crash starts from: a failing test, and an issue a maintainer labels. */
async function buggyIssue(h: Harness): Promise<{ repo: Repository; issue: Issue }> {
  const repo = await seedBuggyRepo(h, "calc");
  h.standin.setPermission(repo, "maintainer", "write");
  const issue = h.standin.addIssue(repo, { title: "add() subtracts", body: "add(2, 3) should be 5.", user: "reporter" });
  return { repo, issue };
}

describe("kill -9 while the agent waits on the model", () => {
  let repo: Repository;
  let issue: Issue;
  let atCrash: { tasks: StoredTask[]; comments: number; reactions: string[] } | undefined;

  const world = harnessFor();

  beforeAll(async () => {
    const h = world();
    ({ repo, issue } = await buggyIssue(h));
    // The first process's run stops at its third model request; the run after the restart takes the rest.
    h.model.reply(...cutOffScript(), ...fixAddScript());
    expect((await h.label(repo, issue, "agent", { login: "maintainer" })).status).toBe(200);

    // Mid-task: the agent waits on the model, and Ferry has already said so on the issue.
    await waitFor(
      "the agent to wait on its unanswered model request, with 👀 and a status comment on the issue",
      () => {
        const running = tasksInDatabase(h.dir).some((task) => task.state === "running");
        const said = h.standin.commentsOn(repo, issue.number).length > 0 && h.standin.reactionsOn(repo, issue.number).includes("eyes");
        return h.model.requests.length >= CUT_OFF_REQUESTS && running && said ? true : undefined;
      },
      90000,
    );
    await h.ferry.kill9();
    atCrash = { tasks: tasksInDatabase(h.dir), comments: h.standin.commentsOn(repo, issue.number).length, reactions: h.standin.reactionsOn(repo, issue.number) };

    expectLoggedWarning(/Re-queued a task interrupted by a restart/);
    // With the Docker sandbox the killed process leaves its task's container running; the next start removes it and says so.
    if (e2eSandbox() === "docker") expectLoggedWarning(/Removed sandbox containers left by an earlier process/);
    await h.restart();
    await waitForEnding(h, repo, issue, 120000);
    await waitFor("the Ferry check run", () => (h.standin.checkRunsOf(repo).some((run) => run.status === "completed") ? true : undefined), 30000);
    // The status comment's last edit follows the ending; wait for Done rather than racing it.
    await waitFor("the status comment to say Done", () => (h.standin.commentsOn(repo, issue.number).some((comment) => comment.body.includes("✅ **Done**")) ? true : undefined), 30000);
  }, 300000);


  test("the crash caught the task in flight, with nothing delivered yet", () => {
    expect(atCrash?.tasks).toEqual([expect.objectContaining({ state: "running", issue: issue.number })]);
    expect(atCrash?.comments).toBe(1);
    expect(atCrash?.reactions).toEqual(["eyes"]);
  });

  test("after the restart Ferry's store shows the one task done: the cut-off run interrupted, one more run that ended", () => {
    const dir = world().dir;
    expect(tasksInDatabase(dir)).toEqual([expect.objectContaining({ state: "done", issue: issue.number, repo: "octo-org/calc" })]);
    const runs = runsInDatabase(dir);
    expect(runs.map(({ number, ended, interrupted }) => ({ number, ended, interrupted }))).toEqual([
      { number: 1, ended: true, interrupted: true },
      { number: 2, ended: true, interrupted: false },
    ]);
  });

  test("one pull request from the part branch, and its branch passes the tests on a fresh clone", async () => {
    const pulls = world().standin.pullsOf(repo);
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({ head: PART_BRANCH, base: "main", draft: true });
    expect(pulls[0]?.issue?.body).toContain(`Closes #${issue.number}`);
    expect(await testsPassOnFreshClone(world(), repo, PART_BRANCH)).toEqual({ exitCode: 0, output: "1 passed, 0 failed" });
  });

  test("one status comment on the issue, the one from before the crash, edited to Done with the pull request", () => {
    const comments = world().standin.state.comments;
    // Ferry wrote no other comment anywhere: not on the issue, not on the pull request.
    expect(comments).toHaveLength(1);
    const [status] = comments;
    expect(status?.issueNumber).toBe(issue.number);
    expect(status?.body).toContain("✅ **Done**");
    expect(status?.body).toContain(`**Pull request**: #${world().standin.pullsOf(repo)[0]?.number}`);
    const marker = /<!-- ferry:task=\d+ status -->/.exec(status?.history[0] ?? "")?.[0];
    expect(marker).toBeDefined();
    expect(status?.history.every((body) => marker !== undefined && body.includes(marker))).toBe(true);
  });

  test("one Ferry check run per head sha, a successful one on the branch's head", async () => {
    const runs = world().standin.checkRunsOf(repo);
    const ferryRuns = runs.filter((run) => run.name === "Ferry");
    const perHead = new Map<string, number>();
    for (const run of ferryRuns) perHead.set(run.headSha, (perHead.get(run.headSha) ?? 0) + 1);
    expect([...perHead.values()].every((count) => count === 1)).toBe(true);
    const head = (await world().standin.branchesOf(repo)).get(PART_BRANCH);
    expect(ferryRuns.filter((run) => run.headSha === head)).toEqual([expect.objectContaining({ status: "completed", conclusion: "success" })]);
  });

  test("👀 and 🚀 once each on the issue, and never 😕", () => {
    expect(world().standin.reactionsOn(repo, issue.number)).toEqual(["eyes", "rocket"]);
  });

  test("every scripted reply was taken and every GitHub request was one GitHub accepts", () => {
    expect(world().model.pending).toBe(0);
    expect(world().standin.violations).toEqual([]);
    expect(world().standin.gitRequests.filter((request) => !request.authorised)).toEqual([]);
  });
});

describe("kill -9 while Ferry reports the ending, after the task was stored done", () => {
  let repo: Repository;
  let issue: Issue;
  let atCrash: { tasks: StoredTask[]; reactions: string[]; checkRuns: number } | undefined;

  const world = harnessFor();

  beforeAll(async () => {
    const h = world();
    ({ repo, issue } = await buggyIssue(h));
    h.model.reply(...fixAddScript());
    // The ending's 🚀 is the crash point: GitHub never gets it, and Ferry dies waiting.
    const rocket = h.standin.hold("POST", /\/issues\/\d+\/reactions$/, (body) => (body as { content?: unknown } | undefined)?.content === "rocket");
    expect((await h.label(repo, issue, "agent", { login: "maintainer" })).status).toBe(200);
    await rocket.reached;
    await h.ferry.kill9();
    rocket.release("drop");
    atCrash = { tasks: tasksInDatabase(h.dir), reactions: h.standin.reactionsOn(repo, issue.number), checkRuns: h.standin.checkRunsOf(repo).length };

    await h.restart();
  }, 300000);


  test("the crash came after the task was stored done and before its 🚀 and check run reached GitHub", () => {
    expect(atCrash?.tasks).toEqual([expect.objectContaining({ state: "done", issue: issue.number })]);
    expect(atCrash?.reactions).toEqual(["eyes"]);
    expect(atCrash?.checkRuns).toBe(0);
  });

  test("after the restart the ending is reported once: 👀 and 🚀, and one successful Ferry check run on the head", async () => {
    const h = world();
    await waitForEnding(h, repo, issue, 60000);
    await waitFor("the Ferry check run", () => (h.standin.checkRunsOf(repo).some((run) => run.status === "completed") ? true : undefined), 30000);
    expect(world().standin.reactionsOn(repo, issue.number)).toEqual(["eyes", "rocket"]);
    const head = (await world().standin.branchesOf(repo)).get(PART_BRANCH);
    expect(world().standin.checkRunsOf(repo)).toEqual([expect.objectContaining({ name: "Ferry", headSha: head, status: "completed", conclusion: "success" })]);
  }, 120000);

  test("no run again and nothing duplicated: one run, one pull request, one status comment ending Done", () => {
    expect(runsInDatabase(world().dir)).toHaveLength(1);
    expect(world().standin.pullsOf(repo)).toHaveLength(1);
    const comments = world().standin.state.comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("✅ **Done**");
    expect(world().model.pending).toBe(0);
    expect(world().standin.violations).toEqual([]);
  });
});

describe("kill -9 while GitHub opens the pull request, which it does after Ferry died", () => {
  let repo: Repository;
  let issue: Issue;
  let atCrash: { tasks: StoredTask[]; pulls: number } | undefined;
  let afterCrash: { pulls: number } | undefined;

  const world = harnessFor();

  beforeAll(async () => {
    const h = world();
    ({ repo, issue } = await buggyIssue(h));
    // The restart runs the agent again (see the last test), so it gets a second script.
    h.model.reply(...fixAddScript(), ...fixAddScript());
    const opening = h.standin.hold("POST", /\/repos\/[^/]+\/[^/]+\/pulls$/);
    expect((await h.label(repo, issue, "agent", { login: "maintainer" })).status).toBe(200);
    await opening.reached;
    await h.ferry.kill9();
    atCrash = { tasks: tasksInDatabase(h.dir), pulls: h.standin.pullsOf(repo).length };
    // GitHub acts on a request whose sender is gone: the pull request exists, Ferry never heard of it.
    opening.release("answer");
    await waitFor("GitHub to open the pull request", () => (h.standin.pullsOf(repo).length > 0 ? true : undefined), 10000);
    afterCrash = { pulls: h.standin.pullsOf(repo).length };

    expectLoggedWarning(/Re-queued a task interrupted by a restart/);
    await h.restart();
    await waitForEnding(h, repo, issue, 120000);
    await waitFor("the status comment to say Done", () => (h.standin.commentsOn(repo, issue.number).some((comment) => comment.body.includes("✅ **Done**")) ? true : undefined), 30000);
  }, 300000);


  test("the crash came while the pull request was being opened; GitHub opened it afterwards", () => {
    expect(atCrash?.tasks).toEqual([expect.objectContaining({ state: "delivering", issue: issue.number })]);
    expect(atCrash?.pulls).toBe(0);
    expect(afterCrash?.pulls).toBe(1);
  });

  test("after the restart the task ends done with that one pull request: none opened twice", async () => {
    const pulls = world().standin.pullsOf(repo);
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toEqual(expect.objectContaining({ head: PART_BRANCH }));
    expect(tasksInDatabase(world().dir)).toEqual([expect.objectContaining({ state: "done" })]);
    expect(await testsPassOnFreshClone(world(), repo, PART_BRANCH)).toEqual({ exitCode: 0, output: "1 passed, 0 failed" });
  });

  test("the interrupted delivery is not resumed: the restart runs the agent again (a second run, the model's second script taken)", () => {
    expect(runsInDatabase(world().dir)).toHaveLength(2);
    expect(world().model.pending).toBe(0);
  });

  test("one status comment, 👀 and 🚀 once each, every GitHub request one GitHub accepts", () => {
    expect(world().standin.commentsOn(repo, issue.number).filter((comment) => /<!-- ferry:task=\d+ status -->/.test(comment.body))).toHaveLength(1);
    expect(world().standin.reactionsOn(repo, issue.number)).toEqual(["eyes", "rocket"]);
    expect(world().standin.violations).toEqual([]);
  });
});

describe("kill -9 after a webhook was answered and journalled, before Ferry stored it", () => {
  let repo: Repository;
  let issue: Issue;
  const DELIVERY = "answered-not-stored";
  let journal: string;

  const world = harnessFor();

  beforeAll(async () => {
    const h = world();
    ({ repo, issue } = await buggyIssue(h));
    h.model.reply(...fixAddScript());
    await h.ferry.kill9();
    // What the webhook thread leaves when the process dies right after its answer: the
    // delivery's line in its journal segment, and nothing in the database yet.
    issue.labels.push("agent");
    journal = join(h.dir, "data", "webhook-journal");
    const [segment] = readdirSync(journal);
    if (!segment) throw new Error("the killed process left no journal segment");
    const payload = issuesLabeled(h.standin, repo, issue, "agent", { login: "maintainer" });
    appendFileSync(join(journal, segment), `${JSON.stringify({ id: DELIVERY, event: "issues", payload })}\n`);

    await h.restart();
    await waitForEnding(h, repo, issue, 120000);
    await waitFor("the status comment to say Done", () => (h.standin.commentsOn(repo, issue.number).some((comment) => comment.body.includes("✅ **Done**")) ? true : undefined), 30000);
  }, 300000);

  test("the restart stores the journalled delivery and handles it: one task done, one pull request, 👀 and 🚀", () => {
    expect(deliveriesInDatabase(world().dir)).toEqual([DELIVERY]);
    expect(tasksInDatabase(world().dir)).toEqual([expect.objectContaining({ state: "done", issue: issue.number })]);
    expect(world().standin.pullsOf(repo)).toEqual([expect.objectContaining({ head: PART_BRANCH })]);
    expect(world().standin.reactionsOn(repo, issue.number)).toEqual(["eyes", "rocket"]);
    expect(world().standin.violations).toEqual([]);
  });

  test("the imported segment is gone; only the new process's own journal segment is left, with nothing in it", () => {
    const left = readdirSync(journal);
    expect(left).toHaveLength(1);
    expect(readFileSync(join(journal, left[0] ?? ""), "utf8")).toBe("");
  });
});
