import { expect, test } from "@jest/globals";
import { MemoryTrajectory } from "../../src/agent/trajectory/memory-trajectory.ts";
import type { ProgressEvent } from "../../src/cli/progress-event.ts";
import { progressLine } from "../../src/cli/progress-printer.ts";
import { stepTrajectory } from "../../src/cli/step-trajectory.ts";

/** A wrapped memory trajectory and the progress lines it produced. */
function watched() {
  const inner = new MemoryTrajectory();
  const events: ProgressEvent[] = [];
  const trajectory = stepTrajectory(inner, (event) => events.push(event));
  return { inner, trajectory, lines: () => events.map(progressLine) };
}

const request = (step: number, toolCalls: string[]) => ({ step, messages: 3, toolCalls, text: "" });

test("a tool call becomes one line with its step, tool, result and duration", () => {
  const { trajectory, lines } = watched();
  trajectory.record("model-request", request(3, ["run_tests"]));
  trajectory.record("tool-call", { id: "c1", name: "run_tests", arguments: {}, durationMs: 4100, isError: true, details: { passed: false, exitCode: 1, timedOut: false } });
  expect(lines()).toEqual(["step 3 · run_tests · failed (exit 1) · 4.1 s"]);
});

test("a shell step names its command and exit code", () => {
  const { trajectory, lines } = watched();
  trajectory.record("model-request", request(1, ["shell"]));
  trajectory.record("tool-call", { name: "shell", arguments: { command: "ls src" }, durationMs: 30, isError: false, details: { exitCode: 0, timedOut: false } });
  expect(lines()).toEqual(["step 1 · shell ls src · exit 0 · 0.0 s"]);
});

test("every event reaches the trajectory file unchanged", () => {
  const { inner, trajectory } = watched();
  trajectory.record("prompt", { system: "s" });
  trajectory.record("model-request", request(1, ["shell"]));
  expect(inner.events).toEqual([
    { type: "prompt", data: { system: "s" } },
    { type: "model-request", data: request(1, ["shell"]) },
  ]);
});

test("a model retry shows its step, attempt, pause and reason", () => {
  const { trajectory, lines } = watched();
  trajectory.record("model-retry", { step: 2, attempt: 1, delayMs: 2000, reason: "HTTP 429 rate limited" });
  expect(lines()).toEqual(["step 2 · model call failed (HTTP 429 rate limited), retry 1 in 2.0 s"]);
});

test("a refused command says which rule refused it", () => {
  const { trajectory, lines } = watched();
  trajectory.record("model-request", request(4, ["shell"]));
  trajectory.record("tool-call", { name: "shell", arguments: { command: "sudo rm -rf /" }, durationMs: 0, isError: true, details: { refused: "commands.deny", pattern: "sudo *" } });
  expect(lines()).toEqual(["step 4 · shell sudo rm -rf / · refused (commands.deny) · 0.0 s"]);
});

test("control characters the model wrote never reach the terminal", () => {
  const { trajectory, lines } = watched();
  trajectory.record("model-request", request(1, ["shell"]));
  trajectory.record("tool-call", { name: "shell", arguments: { command: "echo \u001b[2Jhi\u202e" }, durationMs: 0, isError: false, details: { exitCode: 0 } });
  expect(lines()).toEqual(["step 1 · shell echo  [2Jhi · exit 0 · 0.0 s"]);
});

test("a reply without a tool call is a step that says the agent is done", () => {
  const { trajectory, lines } = watched();
  trajectory.record("model-request", request(5, []));
  expect(lines()).toEqual(["step 5 · reply · says it is done"]);
});

test("setup and Ferry's own test run get lines of their own", () => {
  const { trajectory, lines } = watched();
  trajectory.record("tool-call", { name: "setup", command: "npm ci", exitCode: 0, timedOut: false, durationMs: 12_300, output: "" });
  trajectory.record("test-run", { by: "harness", command: "npm test", passed: true, exitCode: 0, timedOut: false, durationMs: 400, output: "ok" });
  expect(lines()).toEqual(["setup · npm ci · passed · 12.3 s", "verify · npm test · passed · 0.4 s"]);
});

test("the tests on the untouched base get a line saying whether per-test results could be read", () => {
  const { trajectory, lines } = watched();
  trajectory.record("test-run", { by: "baseline", command: "npm test", passed: false, exitCode: 1, timedOut: false, durationMs: 900, tests: 41, source: "jest" });
  trajectory.record("test-run", { by: "baseline", command: "make check", passed: true, exitCode: 0, timedOut: false, durationMs: 100, tests: null, source: null });
  expect(lines()).toEqual([
    "baseline · npm test on the untouched base · exit 1 · 41 tests read · 0.9 s",
    "baseline · make check on the untouched base · exit 0 · no per-test results (the exit code decides) · 0.1 s",
  ]);
});

test("a progress sink that throws does not stop the run", () => {
  const inner = new MemoryTrajectory();
  const trajectory = stepTrajectory(inner, () => {
    throw new Error("EPIPE");
  });
  expect(() => trajectory.record("model-request", request(1, []))).not.toThrow();
  expect(inner.events).toHaveLength(1);
});
