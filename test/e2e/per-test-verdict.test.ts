import { beforeAll, describe, expect, test } from "@jest/globals";
import { execa } from "execa";
import { join } from "node:path";
import type { Issue, Repository } from "./github-standin/state.ts";
import type { Harness } from "./support/harness.ts";
import { waitForEnding } from "./support/harness.ts";
import { harnessFor } from "./support/harness-for.ts";
import { agentYml, calculatorFiles, fixAddScript, fixAndBreakScript, migrateScript, migrationFiles } from "./support/per-test-world.ts";
import type { OpenAiAnswer } from "../helpers/openai-server.ts";

/**
 * Issue 21's three problems, end to end against the GitHub stand-in with node's test runner:
 * a base already red elsewhere still gets its fix delivered; a migration whose guard test turns
 * green only with every part is still delivered in small parts; a change that breaks a test that
 * passed on main is not delivered, and the status names the test.
 */
const world = harnessFor();

type Scenario = { repo: Repository; issue: Issue; ending: string };

async function runScenario(harness: Harness, name: string, files: Record<string, string>, script: OpenAiAnswer[]): Promise<Scenario> {
  const repo = await harness.standin.seedRepository({ owner: "octo-org", name, files });
  harness.standin.setPermission(repo, "maintainer", "write");
  const issue = harness.standin.addIssue(repo, { title: `Fix ${name}`, body: "See the failing test.", user: "maintainer" });
  harness.model.reply(...script);
  const delivery = await harness.label(repo, issue, "agent", { login: "maintainer" });
  expect([200, 202]).toContain(delivery.status);
  return { repo, issue, ending: await waitForEnding(harness, repo, issue, 180000) };
}

const statusOf = (scenario: Scenario): string => world().standin.commentsOn(scenario.repo, scenario.issue.number)[0]?.body ?? "";

describe("a base with an unrelated failing test", () => {
  let scenario: Scenario;
  beforeAll(async () => {
    scenario = await runScenario(world(), "calc", calculatorFiles(agentYml()), fixAddScript());
  }, 240000);

  test("the fix is delivered though `legacy is red` still fails", () => {
    expect(scenario.ending).toBe("rocket");
    expect(world().standin.pullsOf(scenario.repo)).toHaveLength(1);
  });

  test("the status names the test the change turned green, no regressions, and the pre-existing failure", () => {
    const status = statusOf(scenario);
    expect(status).toMatch(/Newly passing \(failed on the base\): 1 test: `[^`]*add adds`/);
    expect(status).toContain("Regressions: none.");
    expect(status).toMatch(/Pre-existing failures \(failed on the base too, not blocking\): 1 test: `[^`]*legacy is red`/);
  });

  test("the pull request body shows the same evidence", () => {
    const body = world().standin.pullsOf(scenario.repo)[0]?.issue?.body ?? "";
    expect(body).toMatch(/Newly passing \(failed on the base\): 1 test: `[^`]*add adds`/);
    expect(body).toMatch(/Pre-existing failures .*legacy is red/);
  });
});

describe("a guard-test migration over eight modules", () => {
  let scenario: Scenario;
  beforeAll(async () => {
    scenario = await runScenario(world(), "fmt", migrationFiles(agentYml()), migrateScript());
  }, 300000);

  test("is delivered as several parts, each within pr.maxLines, none merged with a neighbour", async () => {
    expect(scenario.ending).toBe("rocket");
    const pulls = world().standin.pullsOf(scenario.repo);
    expect(pulls.length).toBeGreaterThanOrEqual(2);
    for (const pull of pulls) expect(pull.issue?.body ?? "").not.toContain("Merged with a neighbouring part");
    const clone = join(world().dir, "clones", "fmt");
    const basic = Buffer.from(`x-access-token:${world().standin.issueToken(scenario.repo)}`).toString("base64");
    await execa("git", ["-c", `http.extraHeader=Authorization: Basic ${basic}`, "clone", "--quiet", "--no-checkout", world().standin.cloneUrl("octo-org", "fmt"), clone]);
    let total = 0;
    for (const pull of pulls) {
      const { stdout } = await execa("git", ["diff", "--numstat", `origin/${pull.base}..origin/${pull.head}`], { cwd: clone });
      const lines = stdout.split("\n").filter(Boolean).reduce((sum, line) => sum + Number(line.split("\t")[0]) + Number(line.split("\t")[1]), 0);
      expect(lines).toBeLessThanOrEqual(300);
      total += lines;
    }
    expect(total).toBeGreaterThan(300);
  });

  test("the guard test turns green in the last part; earlier parts pass with it still red", () => {
    const pulls = world().standin.pullsOf(scenario.repo);
    const last = pulls.find((pull) => pull.head === `agent/issue-${scenario.issue.number}/part-${pulls.length}`);
    expect(last?.issue?.body).toMatch(/Newly passing \(failed on the base\): 1 test: `[^`]*no module calls legacyFormat`/);
    const first = pulls.find((pull) => pull.head === `agent/issue-${scenario.issue.number}/part-1`);
    expect(first?.issue?.body).toMatch(/✅ passed/);
    expect(first?.issue?.body).toMatch(/Pre-existing failures .*no module calls legacyFormat/);
  });
});

describe("a change that breaks a test that passed on main", () => {
  let scenario: Scenario;
  beforeAll(async () => {
    scenario = await runScenario(world(), "calc2", calculatorFiles(agentYml("limits: { testRetries: 0 }\n")), fixAndBreakScript());
  }, 240000);

  test("is not delivered", () => {
    expect(scenario.ending).toBe("confused");
    expect(world().standin.pullsOf(scenario.repo)).toEqual([]);
  });

  test("and the status names the broken test", () => {
    expect(statusOf(scenario)).toMatch(/Regressions \(passed on the base or new, fail now\): 1 test: `[^`]*greets`/);
  });
});
