import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RepoConfig } from "../../src/config/repo-config.ts";
import { LocalSandbox } from "../../src/sandbox/local/local-sandbox.ts";
import { readTestRun } from "../../src/verification/read-test-run.ts";

/** A JUnit report with the given test names and statuses. */
const junit = (cases: Record<string, "passed" | "failed">) =>
  [
    '<?xml version="1.0"?>',
    "<testsuites><testsuite name=\"suite\">",
    ...Object.entries(cases).map(([name, status]) =>
      status === "passed" ? `<testcase classname="suite" name="${name}"/>` : `<testcase classname="suite" name="${name}"><failure message="no"/></testcase>`,
    ),
    "</testsuite></testsuites>",
    "",
  ].join("\n");

let workDir: string;
let sandbox: LocalSandbox;
beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), "ferry-read-test-run-"));
  sandbox = new LocalSandbox();
  await sandbox.start({ taskId: 1, workDir, image: "unused", network: false, limits: { memoryMb: 512, cpus: 1, pids: 256 } });
});
afterEach(async () => {
  await sandbox.stop();
  await rm(workDir, { recursive: true, force: true });
});

const context = (testCommand: string, testReport?: string) => ({ sandbox, testCommand, commandTimeoutMs: 20_000, ...(testReport && { testReport }) });

describe("per-test outcomes from testReport (JUnit XML)", () => {
  test("the reports the run wrote are read, from every file the glob matches", async () => {
    await writeFile(join(workDir, "a.xml"), junit({ "adds": "passed" }));
    await writeFile(join(workDir, "b.xml"), junit({ "subtracts": "failed" }));
    const { results } = await readTestRun(context("mkdir -p reports/unit && cp a.xml reports/unit/a.xml && cp b.xml reports/b.xml", "reports/**/*.xml"));
    expect(results?.source).toBe("junit");
    expect(results?.cases.map((test) => test.status).sort()).toEqual(["failed", "passed"]);
  });

  test("no report written: no per-test outcomes (the exit code decides)", async () => {
    const { run, results } = await readTestRun(context("true", "reports/*.xml"));
    expect(run.passed).toBe(true);
    expect(results).toBeUndefined();
  });

  test("agent.yml takes a relative glob like reports/**/*.xml, and verify defaults to per-test", () => {
    expect(RepoConfig.parse({ testReport: "reports/**/junit-*.xml" })).toMatchObject({ testReport: "reports/**/junit-*.xml", verify: "per-test" });
  });

});

describe("per-test outcomes from the runner's output", () => {
  test("output far past the usual limit is still read whole, and kept as its head and tail", async () => {
    const lines = Array.from({ length: 3000 }, (_, at) => `ok ${at + 1} - test number ${at + 1} with a long enough name to take room`);
    await writeFile(join(workDir, "tap.txt"), ["TAP version 13", ...lines, `1..${lines.length}`, "# pass 3000", "# fail 0", ""].join("\n"));
    const { run, results } = await readTestRun(context("cat tap.txt"));
    expect(run.output.length).toBeLessThan(40 * 1024);
    expect(run.output).toMatch(/bytes of output cut/);
    expect(results?.cases).toHaveLength(3000);
  });

  test("output no parser knows gives no per-test outcomes", async () => {
    const { run, results } = await readTestRun(context("echo 'all 3 files passed'"));
    expect(run).toMatchObject({ passed: true, exitCode: 0, output: "all 3 files passed\n" });
    expect(results).toBeUndefined();
  });

  test("no test command: nothing runs, and the run says how to set one", async () => {
    const { run, results } = await readTestRun(context(" "));
    expect(run).toMatchObject({ passed: false, exitCode: null });
    expect(run.output).toMatch(/set `test:`/);
    expect(results).toBeUndefined();
  });
});
