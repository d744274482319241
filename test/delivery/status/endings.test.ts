import { describe, expect, test } from "@jest/globals";
import { renderStatusComment } from "../../../src/delivery/status/status-comment.ts";
import type { StatusView } from "../../../src/delivery/status/status-view.ts";
import type { Task, TaskResult } from "../../../src/tasks/model.ts";
import { sampleTask } from "../../fixtures/tasks.ts";
import { spend } from "./support/outcomes.ts";

function ended(state: Task["state"], result: TaskResult, more: Partial<StatusView> = {}): string {
  return renderStatusComment({ task: sampleTask({ state, result }), parts: [], ...more });
}

describe("every ending of a task is explained", () => {
  test("a budget that ran out is named with its limit", () => {
    const body = ended("failed", { outcome: "budget-exhausted", budget: "tokens", limit: 4_000_000, spend });
    expect(body).toContain("**budget-exhausted**: the run used up its tokens budget (4,000,000 tokens) before the agent finished.");
    expect(body).toContain("Raise `limits.tokens` in `.github/agent.yml`");
    expect(body).toContain("- [x] Setup\n- [ ] ❌ Working · 12 steps\n- [ ] Testing");
    expect(ended("failed", { outcome: "budget-exhausted", budget: "usd", limit: 5, spend })).toContain("its usd budget ($5.00)");
  });

  test("failing tests show the end of the last failure in a code block", () => {
    const output = Array.from({ length: 100 }, (_, index) => `line ${index + 1}`).join("\n");
    const tests = { command: "npm test", passed: false, exitCode: 1, timedOut: false, durationMs: 2000, output };
    const body = ended("failed", { outcome: "tests-failing", summary: "Tried.", tests, spend });
    expect(body).toContain("**tests-failing**: the tests still fail after the agent's last try: `npm test` exited with 1. The last failure:");
    expect(body).toContain("```\n[… 60 earlier lines cut …]\nline 61\n");
    expect(body).toContain("line 100\n```");
    expect(body).not.toContain("line 60\n");
    expect(body).toContain("- [ ] ❌ Testing");
  });

  test("a long failure is cut to its last 3,000 characters", () => {
    const output = `${"x".repeat(200)}\n`.repeat(30);
    const tests = { command: "npm test", passed: false, exitCode: null, timedOut: true, durationMs: 2000, output };
    const body = ended("failed", { outcome: "tests-failing", summary: "", tests, spend });
    expect(body).toContain("`npm test` timed out");
    expect(body).toContain("[… 16 earlier lines cut …]");
    expect(body.split("\n").filter((line) => line === "x".repeat(200))).toHaveLength(14);
  });

  test("no changes shows the agent's summary", () => {
    const body = ended("done", { outcome: "no-changes", summary: "Nothing to change: add() is right.", spend });
    expect(body).toContain("**no-changes**: the agent changed nothing. Nothing to change: add() is right.");
    expect(body).toContain("- [x] ✅ **Done**");
  });

  test("a change blocked by the secret check lists what was found, masked", () => {
    const findings = [{ path: "src/config.ts", line: 4, kind: "github-token", excerpt: 'const token = "[redacted]";' }];
    expect(ended("failed", { outcome: "blocked", findings, spend })).toMatchInlineSnapshot(`
"<!-- ferry:task=7 status -->
**Ferry** · task 7

- [x] Queued
- [x] Preparing the workspace
- [x] Setup
- [x] Working · 12 steps
- [ ] ❌ Testing
- [ ] Delivering
- [x] ❌ **Failed**

**blocked**: the change is not kept: the final checks found what looks like a secret in it, or a path Ferry never delivers, so nothing was pushed.

- \`src/config.ts:4\` github-token: \`const token = "[redacted]";\`

Spent: 12 steps · 34,567 tokens · $0.42 · 3.3 min

<sub>Requested by @mona through the issue's label. Comment \`/agent help\` for commands.</sub>"
`);
  });

  test("a setup that fails on the final test run's fresh checkout says the change could not be tested, not that the agent did not start", () => {
    const body = ended("failed", { outcome: "setup-failed", stage: "final-test", command: "npm ci", exitCode: 1, timedOut: false, output: "npm ERR! registry down", spend });
    expect(body).toContain("on the fresh checkout where Ferry tests the finished change, so the change could not be tested and was not delivered");
    expect(body).not.toContain("the agent did not start");
  });

  test("a failed setup shows the command, its exit and its output", () => {
    const body = ended("failed", { outcome: "setup-failed", command: "npm ci", exitCode: 1, timedOut: false, output: "npm ERR! missing lockfile", spend });
    expect(body).toMatchInlineSnapshot(`
"<!-- ferry:task=7 status -->
**Ferry** · task 7

- [x] Queued
- [x] Preparing the workspace
- [ ] ❌ Setup
- [ ] Working
- [ ] Testing
- [ ] Delivering
- [x] ❌ **Failed**

**setup-failed**: the setup command \`npm ci\` exited with 1, so the agent did not start. Its output:

\`\`\`
npm ERR! missing lockfile
\`\`\`

Check \`setup:\` in \`.github/agent.yml\`.

Spent: 12 steps · 34,567 tokens · $0.42 · 3.3 min

<sub>Requested by @mona through the issue's label. Comment \`/agent help\` for commands.</sub>"
`);
  });

  test("a cancelled task says who cancelled it", () => {
    const body = ended("cancelled", { outcome: "cancelled", reason: "@mona closed the issue" });
    expect(body).toContain("**cancelled**: @mona closed the issue");
    expect(body).toContain("- [ ] 🛑 Queued\n");
    expect(body).toContain("- [x] 🛑 **Cancelled**");
    const midRun = ended("cancelled", { outcome: "cancelled", reason: "cancelled by @hubot with `/agent cancel`", spend }, { stoppedIn: "waiting" });
    expect(midRun).toContain("- [ ] 🛑 Working · 12 steps");
  });

  test("a crash says what went wrong and what the operator should look at", () => {
    const body = ended("failed", { outcome: "error", message: "the sandbox did not start" }, { stoppedIn: "preparing", trajectory: { path: "/data/trajectories/task-7/run-1.jsonl" } });
    expect(body).toMatchInlineSnapshot(`
"<!-- ferry:task=7 status -->
**Ferry** · task 7

- [x] Queued
- [ ] ❌ Preparing the workspace
- [ ] Setup
- [ ] Working
- [ ] Testing
- [ ] Delivering
- [x] ❌ **Failed**

**error**: Ferry stopped with an error: the sandbox did not start

For the operator: look at the server logs for task 7 (\`task: 7\`) and the trajectory file \`trajectories/task-7/run-1.jsonl\`.

<sub>Trajectory of the run: kept on the Ferry server (\`trajectories/task-7/run-1.jsonl\` in its data directory).</sub>

<sub>Requested by @mona through the issue's label. Comment \`/agent help\` for commands.</sub>"
`);
  });

  test("a crash without a known trajectory points at where trajectories are kept", () => {
    const body = ended("failed", { outcome: "error", message: "boom" });
    expect(body).toContain("look at the server logs for task 7 (`task: 7`) and the trajectory files under `trajectories/task-7/` in Ferry's data directory.");
  });

  test("an agent run that failed says why and what to look at", () => {
    const body = ended("failed", { outcome: "failed", reason: "the model kept failing: 500 Internal Server Error", spend }, { stoppedIn: "running" });
    expect(body).toContain("**failed**: the model kept failing: 500 Internal Server Error");
    expect(body).toContain("look at the server logs for task 7");
  });

  test("a sandbox that could not start says so, with the reason, and not that the agent crashed", () => {
    const reason = "The sandbox could not start: no Docker engine answers at unix:///var/run/docker.sock (connect ENOENT /var/run/docker.sock). Start Docker, or point DOCKER_HOST at a running engine";
    // The sandbox starts before setup, while the task is still preparing.
    const body = ended("failed", { outcome: "failed", reason, spend }, { stoppedIn: "preparing" });
    expect(body).toContain(`**failed**: ${reason}`);
    expect(body).toContain("- [ ] ❌ Preparing the workspace");
    expect(body.toLowerCase()).not.toContain("crashed");
  });
});
