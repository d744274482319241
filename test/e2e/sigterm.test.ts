import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { Issue, Repository } from "./github-standin/state.ts";
import { deliveriesInDatabase, tasksInDatabase } from "./support/ferry-db.ts";
import { seedBuggyRepo, startHarness, waitForEnding, type Harness } from "./support/harness.ts";
import { fixAddScript } from "./support/model-scripts.ts";
import { expectLoggedWarning } from "../helpers/logged-problems.ts";

/**
 * SIGTERM while a GitHub call hangs (GitHub took the request and never answers): Ferry aborts
 * the call and exits 0 within a few seconds, as `docker stop` (10 s, then SIGKILL) expects; what
 * was cut off resumes after the next start. Before Ferry aborted its GitHub calls, such a stop
 * never ended: the process was still there when the 15 s grace ran out and was killed.
 */
const STOP_WITHIN_MS = 5000;

type Stopped = { code: number | null; ms: number; output: string };

/** A harness with the calculator, an issue a maintainer can label, and the model scripted to fix it. */
async function world(options: { scripted: boolean } = { scripted: true }): Promise<{ h: Harness; repo: Repository; issue: Issue }> {
  const h = await startHarness();
  const repo = await seedBuggyRepo(h, "calc");
  h.standin.setPermission(repo, "maintainer", "write");
  const issue = h.standin.addIssue(repo, { title: "add() subtracts", body: "add(2, 3) should be 5.", user: "reporter" });
  if (options.scripted) h.model.reply(...fixAddScript());
  return { h, repo, issue };
}

/** SIGTERM now, timed; the held request is dropped after the process is gone. */
async function stopWhileHeld(h: Harness, held: { release(how: "drop"): void }): Promise<Stopped> {
  const started = Date.now();
  const code = await h.ferry.stop(15000);
  const stopped = { code, ms: Date.now() - started, output: h.ferry.output() };
  held.release("drop");
  if (process.env.E2E_LOGS) process.stderr.write(`SIGTERM to exit: ${stopped.ms} ms; the stopped process said:\n${stopped.output}\n`);
  return stopped;
}

describe("SIGTERM while a webhook handler's GitHub request hangs", () => {
  let h: Harness;
  let repo: Repository;
  let issue: Issue;
  let stopped: Stopped;
  let ending: string;

  beforeAll(async () => {
    ({ h, repo, issue } = await world());
    // What the stop cuts off is said in the log (checked with the first test, as the scenario all runs here).
    expectLoggedWarning(/handling a webhook delivery was cut off by the stop; it is handled again after the restart/);
    // Only the label's handler asks for the sender's permission: it waits on GitHub for good.
    const hung = h.standin.hold("GET", /\/collaborators\/maintainer\/permission$/);
    const { id } = await h.label(repo, issue, "agent", { login: "maintainer" });
    await hung.reached;
    stopped = await stopWhileHeld(h, hung);
    expect(deliveriesInDatabase(h.dir)).not.toContain(id);
    await h.restart();
    ending = await waitForEnding(h, repo, issue, 120000);
  }, 240000);

  afterAll(async () => {
    expect(await h?.close()).toBe(0);
  }, 30000);

  test(`Ferry exits 0 within ${STOP_WITHIN_MS / 1000} s, without being killed`, () => {
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(STOP_WITHIN_MS);
  });

  test("the log says the delivery was cut off by the stop and is handled after the restart", () => {
    expect(stopped.output).toMatch(/handling a webhook delivery was cut off by the stop; it is handled again after the restart/);
  });

  test("after the restart the cut-off delivery is handled: one task, done, 👀 once", () => {
    expect(ending).toBe("rocket");
    expect(tasksInDatabase(h.dir)).toEqual([expect.objectContaining({ state: "done", issue: issue.number })]);
    expect(h.standin.reactionsOn(repo, issue.number).filter((content) => content === "eyes")).toHaveLength(1);
  });
});

describe("SIGTERM while a running task's status edit hangs", () => {
  let h: Harness;
  let repo: Repository;
  let issue: Issue;
  let stopped: Stopped;
  let ending: string;

  beforeAll(async () => {
    ({ h, repo, issue } = await world({ scripted: false }));
    // What the stop cuts off, and the task taken up again after the restart, are said in the log (checked with the first test).
    expectLoggedWarning(/could not update the status comment \(Ferry is stopping/);
    expectLoggedWarning(/Re-queued a task interrupted by a restart/);
    // The task's ending, cut off too if the stop comes before it reports its check run: it may or may not get that far.
    expectLoggedWarning(/could not report the check run \(Ferry is stopping/, 0);
    // The first edit of the status comment comes from the task, once it runs.
    const hung = h.standin.hold("PATCH", /\/issues\/comments\/\d+$/);
    // The run prepares while that edit hangs, and reaches the model: its first request hangs too, so
    // the stop finds the run at a known point, and the rerun after the restart gets the whole script.
    h.model.reply({ held: new Promise(() => undefined), reply: fixAddScript()[0]! });
    await h.label(repo, issue, "agent", { login: "maintainer" });
    await hung.reached;
    await h.model.waitForRequests(1);
    stopped = await stopWhileHeld(h, hung);
    h.model.reply(...fixAddScript());
    await h.restart();
    ending = await waitForEnding(h, repo, issue, 120000);
  }, 240000);

  afterAll(async () => {
    expect(await h?.close()).toBe(0);
  }, 30000);

  test(`Ferry exits 0 within ${STOP_WITHIN_MS / 1000} s, without being killed`, () => {
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(STOP_WITHIN_MS);
  });

  test("after the restart the interrupted task runs again and is done, with one status comment", () => {
    expect(ending).toBe("rocket");
    expect(tasksInDatabase(h.dir)).toEqual([expect.objectContaining({ state: "done", issue: issue.number })]);
    expect(h.standin.commentsOn(repo, issue.number)).toHaveLength(1);
  });
});
