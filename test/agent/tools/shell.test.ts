import { describe, expect, test } from "@jest/globals";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { shellTool } from "../../../src/agent/tools/shell.ts";
import { scriptedPauses } from "../../helpers/scripted-pauses.ts";
import { useToolWorkspaces } from "./support/tool-workspace.ts";

describe("shell", () => {
  const workspace = useToolWorkspaces();

  test("runs the command in the workspace root and reports its exit code and output", async () => {
    const { call } = await workspace({ files: { "README.md": "hello\n" } });
    const result = await call("shell", { command: "cat README.md; echo oops >&2; exit 3" });
    expect(result.output).toMatch(/^Exit code 3 \(\d+(\.\d)? s\)\.\nhello\noops\n$/);
    expect(result).toMatchObject({ isError: true, details: { exitCode: 3, timedOut: false, oomKilled: false } });
  });

  test("a successful command is not an error", async () => {
    const { call } = await workspace();
    expect(await call("shell", { command: "echo fine" })).toMatchObject({ isError: false, output: expect.stringMatching(/^Exit code 0 .*\nfine\n$/) });
  });

  test("a command without output says so", async () => {
    const { call } = await workspace();
    expect((await call("shell", { command: "true" })).output).toMatch(/\n\(no output\)$/);
  });

  test("a command that runs past timeout_s is stopped and the model is told why and what to do", async () => {
    const { call } = await workspace({ commandTimeoutMs: 20_000 });
    const result = await call("shell", { command: "echo started; sleep 30", timeout_s: 0.5 });
    expect(result.output).toContain("Stopped after 0.5 s: the command reached its time limit");
    expect(result.output).toContain("pass a larger timeout_s (at most 20 s)");
    expect(result.output).toContain("started");
    expect(result).toMatchObject({ isError: true, details: { timedOut: true, timeoutMs: 500 } });
  });

  test("timeout_s cannot exceed the repository's per-command limit", async () => {
    const { call } = await workspace({ commandTimeoutMs: 500 });
    const result = await call("shell", { command: "sleep 30", timeout_s: 3600 });
    expect(result).toMatchObject({ isError: true, details: { timedOut: true, timeoutMs: 500 } });
  });

  test("a denied command is refused with the policy's reason and never runs", async () => {
    const { call, workDir, trajectory } = await workspace({ policy: { commands: { deny: ["git push*"], approve: [] } } });
    const result = await call("shell", { command: "touch ran.txt && git push origin main" });
    expect(result).toMatchObject({ isError: true, details: { refused: "commands.deny", pattern: "git push*" } });
    expect(result.output).toContain("Refused by the repository's command policy; the command was not run.");
    expect(result.output).toContain("Ferry pushes your work itself");
    expect(existsSync(join(workDir, "ran.txt"))).toBe(false);
    expect(trajectory.ofType("policy")).toEqual([expect.objectContaining({ decision: "denied", pattern: "git push*", part: "git push origin main" })]);
  });

  test("a command that is not valid shell is not run, and the model is told to fix the syntax", async () => {
    const { call } = await workspace();
    const result = await call("shell", { command: "echo 'unterminated" });
    expect(result).toMatchObject({ isError: true, details: { refused: "unparseable" } });
    expect(result.output).toMatch(/^The command was not run\. This command is not valid shell/);
  });

  test("a command that needs approval waits for it, then runs and says who approved it", async () => {
    const pauses = scriptedPauses({ approvals: [{ approved: true, by: "octocat" }] });
    const { call, workDir, trajectory } = await workspace({ pauses, policy: { commands: { deny: [], approve: ["touch *"] } } });
    const result = await call("shell", { command: "touch approved.txt" });
    expect(pauses.approvals).toEqual([{ command: "touch approved.txt", pattern: "touch *" }]);
    expect(existsSync(join(workDir, "approved.txt"))).toBe(true);
    expect(result).toMatchObject({ isError: false, pausedMs: expect.any(Number), details: { approvedBy: "octocat" } });
    expect(result.output).toMatch(/^\(Approved by octocat\.\)\nExit code 0/);
    expect(trajectory.ofType("policy").map((event) => event.decision)).toEqual(["needs-approval", "approved"]);
    expect(trajectory.ofType("policy")[1]).toMatchObject({ by: "octocat" });
  });

  test("a command that is not approved is refused with the reason and never runs", async () => {
    const pauses = scriptedPauses({ approvals: [{ approved: false, reason: "no writer approved it within 24 hours" }] });
    const { call, workDir, trajectory } = await workspace({ pauses, policy: { commands: { deny: [], approve: ["touch *"] } } });
    const result = await call("shell", { command: "touch refused.txt" });
    expect(existsSync(join(workDir, "refused.txt"))).toBe(false);
    expect(result).toMatchObject({ isError: true, pausedMs: expect.any(Number), details: { refused: "commands.approve" } });
    expect(result.output).toContain("not given (no writer approved it within 24 hours)");
    expect(trajectory.ofType("policy").map((event) => event.decision)).toEqual(["needs-approval", "not-approved"]);
  });

  test("commands the policy allows run without asking anyone", async () => {
    const pauses = scriptedPauses();
    const { call } = await workspace({ pauses, policy: { commands: { deny: ["git push*"], approve: ["npm install *"] } } });
    expect(await call("shell", { command: "echo hi" })).toMatchObject({ isError: false });
    expect(pauses.approvals).toEqual([]);
  });

  test("the description tells the model how commands run: fresh each time, no network, background processes end", () => {
    expect(shellTool.description).toContain("Every call starts in the workspace root with a fresh environment: `cd` and `export` do not carry over");
    expect(shellTool.description).toContain("chain steps with `&&`");
    expect(shellTool.description).toContain("There is no network");
    expect(shellTool.description).toContain("is killed when the command ends");
  });
});
