import { join } from "node:path";
import { beforeAll, expect, test } from "@jest/globals";
import { execa } from "execa";
import { waitFor } from "../helpers/process.ts";
import type { Issue, Repository } from "./github-standin/state.ts";
import { testsPassOnFreshClone, waitForEnding } from "./support/harness.ts";
import { harnessFor } from "./support/harness-for.ts";
import { linesOf, unitConversionChange, unitsRepoFiles, writeChangeScript } from "./support/split-script.ts";

/**
 * Scenario 2: the agent writes a change of more than 300 lines (five conversion modules with
 * their tests and a shared helper). Ferry delivers it as a stack of draft pull requests, each
 * within `pr.maxLines` (300 by default), part k based on part k-1, whose parts together are
 * exactly the change, with `Closes #N` on the last part only.
 */
const MAX_LINES = 300;
const MAX_FILES = 20;
const TITLE = "Add unit conversions";

let repo: Repository;
let issue: Issue;
/** Where the stand-in's repository is cloned, every branch as `origin/<branch>`. */
let clone: string;
let seededMain: string | undefined;
const change = unitConversionChange();
const changedPaths = Object.keys(change).sort();

const world = harnessFor();
const partBranch = (index: number) => `agent/issue-${issue.number}/part-${index}`;
/** The stack's pull requests, in part order (part k's head is `agent/issue-N/part-k`). */
const stack = () => {
  const pulls = world().standin.pullsOf(repo);
  return pulls.map((_, at) => pulls.find((pull) => pull.head === partBranch(at + 1)));
};
const git = async (...args: string[]): Promise<string> => (await execa("git", args, { cwd: clone })).stdout;
type Numstat = { path: string; added: number; deleted: number };
const numstat = async (base: string, head: string): Promise<Numstat[]> =>
  (await git("diff", "--numstat", `origin/${base}..origin/${head}`))
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [added = "", deleted = "", path = ""] = line.split("\t");
      return { path, added: Number(added), deleted: Number(deleted) };
    });

beforeAll(async () => {
  const harness = world();
  repo = await harness.standin.seedRepository({ owner: "octo-org", name: "units", files: unitsRepoFiles("base: main\ntest: node test.js\n") });
  seededMain = (await harness.standin.branchesOf(repo)).get("main");
  harness.standin.setPermission(repo, "maintainer", "write");
  issue = harness.standin.addIssue(repo, { title: TITLE, body: "Convert area, length, mass, speed and time units.", user: "reporter" });
  harness.model.reply(...writeChangeScript(change));
  const delivery = await harness.label(repo, issue, "agent", { login: "maintainer" });
  // Acknowledged (200, or 202 once handling is deferred); what it led to is polled for below.
  expect([200, 202]).toContain(delivery.status);
  await waitForEnding(harness, repo, issue, 180000);
  await waitFor("the Ferry check run", () => (harness?.standin.checkRunsOf(repo).some((run) => run.status === "completed") ? true : undefined), 30000);

  clone = join(harness.dir, "clones", "units");
  const basic = Buffer.from(`x-access-token:${harness.standin.issueToken(repo)}`).toString("base64");
  await execa("git", ["-c", `http.extraHeader=Authorization: Basic ${basic}`, "clone", "--quiet", "--no-checkout", harness.standin.cloneUrl(repo.owner, repo.name), clone]);
}, 240000);

test("the change the model wrote is over the limit, so it is not one pull request", () => {
  expect(linesOf(change)).toBeGreaterThan(MAX_LINES);
  expect(world().standin.reactionsOn(repo, issue.number)).toEqual(["eyes", "rocket"]);
  expect(world().standin.pullsOf(repo).length).toBeGreaterThanOrEqual(2);
});

test("every part has a branch and one draft pull request, part 1 on main and part k on part k-1", async () => {
  const pulls = stack();
  const total = pulls.length;
  const branches = await world().standin.branchesOf(repo);
  const agentBranches = [...branches.keys()].filter((branch) => branch.startsWith("agent/")).sort();
  expect(agentBranches).toEqual(pulls.map((_, at) => partBranch(at + 1)).sort());
  pulls.forEach((pull, at) => {
    expect(pull).toMatchObject({ head: partBranch(at + 1), base: at === 0 ? "main" : partBranch(at), draft: true });
    expect(pull?.issue?.state).toBe("open");
    expect(pull?.issue?.title).toBe(`${TITLE} (${at + 1}/${total})`);
  });
});

test("only the last part's body closes the issue; each says which part it is", () => {
  const pulls = stack();
  const total = pulls.length;
  pulls.forEach((pull, at) => {
    const body = pull?.issue?.body ?? "";
    expect(body).toContain(`**Part ${at + 1} of ${total}**`);
    if (at === total - 1) expect(body).toContain(`Closes #${issue.number}`);
    else expect(body).not.toMatch(/\b(close[sd]?|fix(e[sd])?|resolve[sd]?) #\d+/i);
  });
});

test("each part's own diff (against its base, with git) is within pr.maxLines and pr.maxFiles", async () => {
  const pulls = stack();
  for (const pull of pulls) {
    if (!pull) throw new Error("a part has no pull request");
    const files = await numstat(pull.base, pull.head);
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThanOrEqual(MAX_FILES);
    const lines = files.reduce((sum, file) => sum + file.added + file.deleted, 0);
    if (process.env.E2E_LOGS) process.stderr.write(`${pull.head} on ${pull.base}: ${files.length} files, ${lines} lines\n`);
    expect(lines).toBeLessThanOrEqual(MAX_LINES);
  }
});

test("the parts split the change by files: each changed file is in exactly one part", async () => {
  const perPart = await Promise.all(stack().map(async (pull) => (pull ? (await numstat(pull.base, pull.head)).map((file) => file.path) : [])));
  expect(perPart.flat().sort()).toEqual(changedPaths);
});

test("main..last part is exactly the change the model wrote, file for file", async () => {
  const last = partBranch(stack().length);
  expect((await git("diff", "--name-only", `origin/main..origin/${last}`)).split("\n").sort()).toEqual(changedPaths);
  for (const path of changedPaths) {
    const content = (await execa("git", ["show", `origin/${last}:${path}`], { cwd: clone, stripFinalNewline: false })).stdout;
    expect({ path, content }).toEqual({ path, content: change[path] });
  }
  // The seeded main is untouched.
  expect((await world().standin.branchesOf(repo)).get("main")).toBe(seededMain);
});

test("every part's branch passes the tests when cloned fresh (pr.verifyEachPart is on by default)", async () => {
  const total = stack().length;
  for (let index = 1; index <= total; index++) {
    const result = await testsPassOnFreshClone(world(), repo, partBranch(index));
    expect({ branch: partBranch(index), ...result }).toMatchObject({ branch: partBranch(index), exitCode: 0, output: expect.stringMatching(/^\d+ test files passed$/) });
  }
}, 60000);

test("one status comment lists every part, and one successful check run sits on the last part's head", async () => {
  const pulls = stack();
  const comments = world().standin.commentsOn(repo, issue.number);
  expect(comments).toHaveLength(1);
  const body = comments[0]?.body ?? "";
  expect(body).toContain("✅ **Done**");
  expect(body).toContain("**Pull requests**");
  pulls.forEach((pull, at) => expect(body).toContain(`- Part ${at + 1} of ${pulls.length}: #${pull?.number}`));
  const last = (await world().standin.branchesOf(repo)).get(partBranch(pulls.length));
  expect(world().standin.checkRunsOf(repo)).toEqual([expect.objectContaining({ name: "Ferry", status: "completed", conclusion: "success", headSha: last })]);
});

test("the model's script was used up and every GitHub request was one GitHub accepts", () => {
  expect(world().model.pending).toBe(0);
  expect(world().standin.violations).toEqual([]);
  expect(world().standin.gitRequests.filter((request) => !request.authorised)).toEqual([]);
});
