import { z } from "zod";
import { gateCommand } from "./command-gate.ts";
import { execDetails, execOutput, execStatus, seconds } from "../../sandbox/exec-report.ts";
import type { Tool } from "./tool.ts";

const shellArguments = z.strictObject({
  command: z.string().min(1).describe("A bash command line, e.g. `ls src && git diff --stat`."),
  timeout_s: z.number().positive().optional().describe("Seconds before the command is killed. Default and maximum: the repository's per-command limit."),
});

export const shellTool: Tool<typeof shellArguments> = {
  name: "shell",
  description: [
    "Run a bash command in the workspace and get its exit code and output (stdout and stderr together; long output keeps its head and tail).",
    "Every call starts in the workspace root with a fresh environment: `cd` and `export` do not carry over to the next call, so chain steps with `&&` (e.g. `cd packages/api && npm test`).",
    "There is no network: downloads and package installs fail.",
    "Stdin is empty, so interactive programs cannot be used.",
    "Anything the command starts in the background, such as a server, is killed when the command ends: start it and use it in the same command.",
    "Use read_file, edit_file and write_file for files, and run_tests for the test suite.",
  ].join(" "),
  arguments: shellArguments,
  async run({ command, timeout_s: timeoutSeconds }, context) {
    const gate = await gateCommand(command, context);
    if (!gate.allowed) return gate.refusal;
    const limit = context.commandTimeoutMs;
    const timeoutMs = timeoutSeconds === undefined ? limit : Math.min(Math.ceil(timeoutSeconds * 1000), limit);
    const result = await context.sandbox.exec(command, { timeoutMs, signal: context.signal });
    const lines = [execStatus(result, timeoutMs)];
    if (result.timedOut) lines.push(`If it needs longer, pass a larger timeout_s (at most ${seconds(limit)}), or do the work in smaller steps.`);
    if (gate.approvedBy) lines.unshift(`(Approved by ${gate.approvedBy}.)`);
    lines.push(execOutput(result));
    return {
      output: lines.join("\n"),
      isError: result.exitCode !== 0 || result.timedOut,
      pausedMs: gate.pausedMs,
      details: { ...execDetails(result, timeoutMs), ...(gate.approvedBy ? { approvedBy: gate.approvedBy } : {}) },
    };
  },
};
