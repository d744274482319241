import { beforeAll, expect, test } from "@jest/globals";
import { execa } from "execa";
import { join } from "node:path";
import { waitFor } from "../helpers/process.ts";
import type { Issue, Repository } from "./github-standin/state.ts";
import { taskOrigins } from "./support/ferry-db.ts";
import { AGENT_YML, seedBuggyRepo, testsPassOnFreshClone, waitForEnding, WEBHOOK_SECRET } from "./support/harness.ts";
import { harnessFor } from "./support/harness-for.ts";
import { fixAddScript } from "./support/model-scripts.ts";

/**
 * Scenario 8: a repository opts in with `sweep:` in .github/agent.yml and has labelled backlog
 * issues; the operator runs `ferry sweep --now octo-org/backlog` (the CLI as a child process,
 * configured by environment only) against Ferry running as a process. Ferry starts a task for
 * the oldest eligible issue only: the older locked one is passed over, the newer one waits for
 * the caps (`maxPerRun: 1`, then `maxOpenPRs: 1` once the first pull request is open).
 *
 * The cron never comes (February 31st), so every pass here is the operator's.
 */
const BACKLOG_YML = `${AGENT_YML}sweep: { cron: "0 0 31 2 *", labels: [agent-backlog], maxPerRun: 1, maxOpenPRs: 1 }\n`;

let repo: Repository;
let locked: Issue;
let eligible: Issue;
let beyondCap: Issue;
let unlabelled: Issue;
let first: Swept;

const world = harnessFor();

type Swept = { exitCode: number | undefined; stdout: string; stderr: string };

/** `node src/cli/main.ts sweep --now <target>` as an operator runs it: environment only, nothing inherited. */
async function sweepNow(target: string, secret = WEBHOOK_SECRET): Promise<Swept> {
  const result = await execa(process.execPath, [join("src", "cli", "main.ts"), "sweep", "--now", target], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: world().dir, WEBHOOK_SECRET: secret, FERRY_URL: world().ferry.url },
    extendEnv: false,
    reject: false,
    timeout: 60000,
  });
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

const untouched = (issue: Issue) => ({
  comments: world().standin.commentsOn(repo, issue.number).length,
  reactions: world().standin.reactionsOn(repo, issue.number),
  tasks: taskOrigins(world().dir).filter((task) => task.repo === "octo-org/backlog" && task.issue === issue.number).length,
});
const NOTHING = { comments: 0, reactions: [], tasks: 0 };

beforeAll(async () => {
  const harness = world();
  repo = await seedBuggyRepo(harness, "backlog", BACKLOG_YML);
  // A maintainer labelled the backlog: only a writer's label lets a sweep pick an issue.
  harness.standin.setPermission(repo, "maintainer", "write");
  const add = (title: string, createdAt: string, labels: string[]) => {
    const issue = world().standin.addIssue(repo, { title, body: "add(2, 3) should be 5.", labels, user: "reporter", labelledBy: "maintainer" });
    issue.createdAt = createdAt;
    return issue;
  };
  // The locked issue is the oldest: were the lock ignored, it would be the one picked.
  locked = add("add() subtracts (locked: too heated)", "2024-01-01T09:00:00Z", ["agent-backlog"]);
  locked.locked = true;
  eligible = add("add() subtracts", "2024-01-02T09:00:00Z", ["agent-backlog", "bug"]);
  beyondCap = add("add() subtracts, again", "2024-01-03T09:00:00Z", ["agent-backlog"]);
  unlabelled = add("add() subtracts, not in the backlog", "2023-12-01T09:00:00Z", ["bug"]);
  harness.model.reply(...fixAddScript());

  first = await sweepNow("octo-org/backlog");
  expect(first).toMatchObject({ exitCode: 0, stderr: "" });
  await waitForEnding(harness, repo, eligible);
  await waitFor("the Ferry check run", () => (harness?.standin.checkRunsOf(repo).some((run) => run.status === "completed") ? true : undefined), 30000);
}, 150000);

test("the CLI says what the pass did: the task it started, the locked issue and the one beyond the cap", () => {
  const [task] = taskOrigins(world().dir);
  const lines = first.stdout.split("\n");
  expect(lines[0]).toBe("octo-org/backlog: swept");
  expect(lines).toContain(`  started #${eligible.number} add() subtracts → task ${task?.id} (opened 2024-01-02)`);
  expect(lines).toContain(`  skipped #${locked.number} add() subtracts (locked: too heated): the issue is locked`);
  expect(lines).toContain(`  skipped #${beyondCap.number} add() subtracts, again: 1 per sweep at most (sweep.maxPerRun)`);
  expect(lines).toContain("  limits: 1 per sweep; 0 of 1 agent pull requests open; $0.00 of $10.00 spent today (UTC)");
  expect(first.stdout).not.toContain(`#${unlabelled.number} `);
});

test("one task, requested by the sweep, for the eligible issue only", () => {
  expect(taskOrigins(world().dir).map(({ repo: name, issue, trigger, requester }) => ({ name, issue, trigger, requester }))).toEqual([
    { name: "octo-org/backlog", issue: eligible.number, trigger: "sweep", requester: "ferry-sweep" },
  ]);
  expect(untouched(locked)).toEqual(NOTHING);
  expect(untouched(beyondCap)).toEqual(NOTHING);
  expect(untouched(unlabelled)).toEqual(NOTHING);
});

test("the swept issue gets 👀 when its task starts and 🚀 when the change is delivered, as a labelled one does", () => {
  // DESIGN.md §1: "labels an issue `agent` (or comments `/agent run` on it, or a sweep picks it). Ferry reacts 👀".
  expect(world().standin.reactionsOn(repo, eligible.number)).toEqual(["eyes", "rocket"]);
});

test("one status comment naming the sweep, ending Done, and one pull request whose branch passes the tests", async () => {
  const comments = world().standin.commentsOn(repo, eligible.number);
  expect(comments).toHaveLength(1);
  expect(comments[0]?.body).toContain("✅ **Done**");
  expect(comments[0]?.body).toContain("Picked up by a backlog sweep (scheduled, or `ferry sweep --now`).");
  expect(comments[0]?.body).not.toContain("@ferry-sweep");
  const pulls = world().standin.pullsOf(repo);
  expect(pulls.map((pull) => pull.head)).toEqual([`agent/issue-${eligible.number}/part-1`]);
  expect(pulls[0]?.issue?.body).toContain(`Closes #${eligible.number}`);
  const branch = await testsPassOnFreshClone(world(), repo, `agent/issue-${eligible.number}/part-1`);
  expect(branch).toEqual({ exitCode: 0, output: "1 passed, 0 failed" });
});

test("a second `sweep --now` right after starts nothing: the issue has its pull request, and the open-PR cap holds the next", async () => {
  const [pull] = world().standin.pullsOf(repo);
  // A pull request carrying the backlog label is still not an issue to sweep.
  pull?.issue?.labels.push("agent-backlog");
  const commentsBefore = world().standin.state.comments.length;

  const second = await sweepNow("octo-org/backlog");

  expect(second).toMatchObject({ exitCode: 0, stderr: "" });
  const lines = second.stdout.split("\n");
  expect(lines[0]).toBe("octo-org/backlog: swept (1 of 1 agent pull requests are open (sweep.maxOpenPRs))");
  expect(lines.filter((line) => line.startsWith("  started"))).toEqual([]);
  expect(lines).toContain(`  skipped #${eligible.number} add() subtracts: agent pull request #${pull?.number} is open`);
  expect(lines).toContain(`  skipped #${locked.number} add() subtracts (locked: too heated): the issue is locked`);
  expect(lines).toContain(`  skipped #${beyondCap.number} add() subtracts, again: 1 of 1 agent pull requests are open (sweep.maxOpenPRs)`);
  expect(lines.filter((line) => line.startsWith("  skipped"))).toHaveLength(3);
  expect(taskOrigins(world().dir)).toHaveLength(1);
  expect(world().standin.state.comments).toHaveLength(commentsBefore);
  expect(untouched(beyondCap)).toEqual(NOTHING);
  expect(world().standin.pullsOf(repo)).toHaveLength(1);
});

test("a repository without `sweep:` is not swept, even with labelled issues", async () => {
  const plain = await seedBuggyRepo(world(), "plain");
  const issue = world().standin.addIssue(plain, { title: "add() subtracts", labels: ["agent-backlog"] });

  const result = await sweepNow("octo-org/plain");

  expect(result).toMatchObject({ exitCode: 0, stdout: "octo-org/plain: not opted in (no sweep: in .github/agent.yml)", stderr: "" });
  expect(taskOrigins(world().dir).filter((task) => task.repo === "octo-org/plain")).toEqual([]);
  expect(world().standin.commentsOn(plain, issue.number)).toEqual([]);
});

test("the CLI fails plainly on a repository the App is not installed on, and on a wrong secret", async () => {
  const missing = await sweepNow("octo-org/nowhere");
  expect(missing.exitCode).toBe(1);
  expect(missing.stdout).toMatch(/^octo-org\/nowhere: not installed \(Ferry is not installed on octo-org\/nowhere/);

  const forged = await sweepNow("octo-org/backlog", "not-the-secret");
  expect(forged).toMatchObject({ exitCode: 1, stdout: "" });
  expect(forged.stderr).toContain("the server answered 401");
  expect(forged.stderr).toContain("is WEBHOOK_SECRET the server's?");
  expect(taskOrigins(world().dir)).toHaveLength(1);
});

test("every GitHub request was one GitHub accepts, and the model was used by the one task only", () => {
  expect(world().standin.violations).toEqual([]);
  expect(world().standin.gitRequests.filter((request) => !request.authorised)).toEqual([]);
  expect(world().model.pending).toBe(0);
});
