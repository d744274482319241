import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RepoConfig } from "../../src/config/repo-config.ts";
import { evidenceMarkdown } from "../../src/delivery/status/evidence-markdown.ts";
import { LocalSandbox } from "../../src/sandbox/local/local-sandbox.ts";
import { judgeRun } from "../../src/verification/judge.ts";
import { parseJUnitXml } from "../../src/verification/parse-junit.ts";
import { readTestRun } from "../../src/verification/read-test-run.ts";
import { testResults } from "../../src/verification/test-results.ts";

/*
 * README, security model: "Test results are untrusted data." The agent writes the tests, so it
 * writes their names, their output and any report file in the tree; each attack below tries to
 * turn that into a verdict, a file read on the host, a shell command, or a mention on GitHub.
 */

const junit = (name: string, failed: boolean) =>
  `<?xml version="1.0"?><testsuites><testsuite name="s"><testcase classname="s" name="${name}">${failed ? '<failure message="no"/>' : ""}</testcase></testsuite></testsuites>\n`;

let workDir: string;
let outside: string;
let sandbox: LocalSandbox;
beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), "ferry-untrusted-results-"));
  outside = await mkdtemp(join(tmpdir(), "ferry-untrusted-outside-"));
  sandbox = new LocalSandbox();
  await sandbox.start({ taskId: 1, workDir, image: "unused", network: false, limits: { memoryMb: 512, cpus: 1, pids: 256 } });
});
afterEach(async () => {
  await sandbox.stop();
  await rm(workDir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});
const context = (testCommand: string, testReport: string) => ({ sandbox, testCommand, commandTimeoutMs: 20_000, testReport });

describe("a report the agent planted", () => {
  test("a passing report left in the tree is removed before the run: only what the run wrote is read", async () => {
    await mkdir(join(workDir, "reports"));
    await writeFile(join(workDir, "reports", "planted.xml"), junit("everything", false));
    await writeFile(join(workDir, "real.xml"), junit("adds", true));
    const { results } = await readTestRun(context("cp real.xml reports/real.xml", "reports/*.xml"));
    expect(results?.cases).toEqual([expect.objectContaining({ status: "failed" })]);
  });

  test("a run that writes no report gets no per-test verdict from a planted one: the exit code decides", async () => {
    await mkdir(join(workDir, "reports"));
    await writeFile(join(workDir, "reports", "planted.xml"), junit("everything", false));
    const { run, results } = await readTestRun(context("exit 1", "reports/*.xml"));
    expect(results).toBeUndefined();
    const judged = judgeRun({ run: { ...run, exitCode: 1 }, results: testResults("junit", [{ id: "adds", status: "failed" }]) }, { run, results }, { scope: "whole", mode: "per-test" });
    expect(judged.passed).toBe(false);
  });

  test("a report that is a link to a file outside the workspace is not read", async () => {
    await writeFile(join(outside, "host.xml"), junit("host file", false));
    await mkdir(join(workDir, "reports"));
    const { results } = await readTestRun(context(`ln -s ${join(outside, "host.xml")} reports/link.xml`, "reports/*.xml"));
    expect(results).toBeUndefined();
  });

  test("a report full of nested entities expands nothing and gives no result", () => {
    const lol = ['<?xml version="1.0"?>', '<!DOCTYPE t [<!ENTITY a "aaaaaaaaaa">', ...Array.from({ length: 8 }, (_, at) => `<!ENTITY b${at} "${`&${at === 0 ? "a" : `b${at - 1}`};`.repeat(10)}">`), "]>"];
    const started = performance.now();
    const parsed = parseJUnitXml([`${lol.join("")}<testsuites><testsuite name="s"><testcase classname="s" name="&b7;"/></testsuite></testsuites>`]);
    expect(JSON.stringify(parsed ?? "").length).toBeLessThan(10_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("testReport reaches the sandbox's shell", () => {
  test.each(["$(touch pwned)", "../reports/*.xml", "/etc/*.xml", "reports/*.xml; rm -rf .", "a b.xml", "`id`.xml", "reports/'*.xml", "reports/*.xml\nid"])(
    "only as a relative glob of plain characters: %j is refused in agent.yml",
    (glob) => {
      expect(RepoConfig.safeParse({ testReport: glob }).success).toBe(false);
    },
  );
});

describe("a test name the agent chose", () => {
  test("is a code span on GitHub: no mention, closing keyword, image or link takes effect", () => {
    const hostile = "@octo-org/admins Fixes #1 ![x](https://evil.example/p.png) [click](https://evil.example) <img src=x>";
    const base = { run: { command: "t", passed: false, exitCode: 1, timedOut: false, durationMs: 1, output: "" }, results: testResults("jest", [{ id: hostile, status: "failed" }]) };
    const now = { run: { ...base.run, passed: true, exitCode: 0 }, results: testResults("jest", [{ id: hostile, status: "passed" }]) };
    const text = evidenceMarkdown(judgeRun(base, now, { scope: "whole", mode: "per-test" }).evidence!);
    expect(text).toBe(`- Newly passing (failed on the base): 1 test: \`${hostile}\`.\n- Regressions: none.`);
  });

  test("with backticks in it still stays one code span", () => {
    const hostile = "a `@team` b";
    const base = { run: { command: "t", passed: false, exitCode: 1, timedOut: false, durationMs: 1, output: "" }, results: testResults("jest", [{ id: hostile, status: "failed" }]) };
    const now = { run: { ...base.run, passed: true, exitCode: 0 }, results: testResults("jest", [{ id: hostile, status: "passed" }]) };
    expect(evidenceMarkdown(judgeRun(base, now, { scope: "whole", mode: "per-test" }).evidence!)).toContain("``a `@team` b``");
  });
});
