import { execOutput, execStatus } from "../sandbox/exec-report.ts";
import { DEFAULT_OUTPUT_LIMIT_BYTES, type Sandbox } from "../sandbox/sandbox.ts";
import { HeadTailBuffer } from "../sandbox/shell/head-tail-buffer.ts";
import type { ReadRun } from "./judge.ts";
import { parseJUnitXml } from "./parse-junit.ts";
import { parseTestOutput } from "./parse-test-output.ts";

/** Output kept from a test run for reading per-test outcomes; what is stored and shown is cut to the usual head and tail. */
export const PARSED_OUTPUT_BYTES = 8 * 1024 * 1024;
/** Most report files and bytes read for `testReport`. */
export const MAX_REPORT_FILES = 200;
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

export type TestRunContext = {
  sandbox: Pick<Sandbox, "exec" | "files">;
  testCommand: string;
  commandTimeoutMs: number;
  signal?: AbortSignal;
  /** `testReport:` — a glob the schema limited to letters, digits and `. _ - / * ?`. */
  testReport?: string;
};

/**
 * Runs the test command and reads its per-test outcomes: from the JUnit XML files `testReport`
 * names (removed before the run, so only what this run wrote counts), or else from the runner's
 * output. Both are read inside the sandbox and parsed as untrusted text; the host opens no path.
 */
export async function readTestRun(context: TestRunContext): Promise<ReadRun> {
  const command = context.testCommand;
  if (command.trim() === "") {
    return { run: { command, passed: false, exitCode: null, timedOut: false, durationMs: 0, output: "No test command is configured: set `test:` in .github/agent.yml." }, results: undefined };
  }
  const deadline = { timeoutMs: context.commandTimeoutMs, signal: context.signal };
  if (context.testReport) await context.sandbox.exec(`bash -O globstar -O nullglob -c 'rm -f -- ${context.testReport}'`, deadline);
  const result = await context.sandbox.exec(command, { ...deadline, outputLimitBytes: PARSED_OUTPUT_BYTES });
  // An OOM kill or a lost shell is not visible in the output alone.
  const note = result.oomKilled || (result.exitCode === null && !result.timedOut) ? `\n[${execStatus(result, context.commandTimeoutMs)}]` : "";
  const run = {
    command,
    passed: result.exitCode === 0 && !result.timedOut,
    exitCode: result.exitCode,
    timedOut: result.timedOut,
    durationMs: result.durationMs,
    output: headAndTail(execOutput(result)) + note,
  };
  const results = context.testReport ? await readReports(context, context.testReport) : parseTestOutput(result.output);
  return { run, results };
}

/** The output as every other command's is kept: its head and tail. */
function headAndTail(text: string): string {
  const buffer = new HeadTailBuffer(DEFAULT_OUTPUT_LIMIT_BYTES);
  buffer.push(Buffer.from(text));
  return buffer.text();
}

async function readReports(context: TestRunContext, glob: string) {
  const deadline = { timeoutMs: context.commandTimeoutMs, signal: context.signal };
  const listed = await context.sandbox.exec(`bash -O globstar -O nullglob -c 'printf "%s\\n" ${glob}'`, deadline);
  const paths = listed.exitCode === 0 ? listed.output.split("\n").filter((path) => path !== "").slice(0, MAX_REPORT_FILES) : [];
  const documents: string[] = [];
  let budget = MAX_REPORT_BYTES;
  for (const path of paths) {
    if (budget <= 0) break;
    const read = await context.sandbox.files.read(path, { maxBytes: budget, links: "refuse", signal: context.signal });
    if (!read.ok) continue;
    budget -= read.bytes.length;
    documents.push(read.bytes.toString("utf8"));
  }
  return documents.length === 0 ? undefined : parseJUnitXml(documents);
}
