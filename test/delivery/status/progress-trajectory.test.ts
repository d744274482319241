import { describe, expect, test } from "@jest/globals";
import { MemoryTrajectory } from "../../../src/agent/trajectory/memory-trajectory.ts";
import type { Progress } from "../../../src/delivery/status/progress.ts";
import { ProgressBoard } from "../../../src/delivery/status/progress-board.ts";
import { progressTrajectory } from "../../../src/delivery/status/progress-trajectory.ts";

function recorded() {
  const inner = new MemoryTrajectory();
  const seen: Progress[] = [];
  const trajectory = progressTrajectory(inner, (progress) => seen.push(progress));
  return { inner, seen, trajectory, last: () => seen.at(-1) };
}

const toolCall = (name: string, args: Record<string, unknown>) => ({ id: "c1", name, arguments: args, durationMs: 5 });

describe("progress from the agent's trajectory", () => {
  test("every event reaches the inner trajectory unchanged, and its path is kept", () => {
    const { inner, trajectory } = recorded();
    trajectory.record("run-started", { model: "m" });
    trajectory.record("policy", { decision: "denied" });

    expect(inner.events).toEqual([
      { type: "run-started", data: { model: "m" } },
      { type: "policy", data: { decision: "denied" } },
    ]);
    expect(trajectory.path).toBeUndefined();
  });

  test("the setup command is the setup phase", () => {
    const { trajectory, last } = recorded();
    trajectory.record("run-started", { model: "m" });
    expect(last()).toEqual({ phase: "setup", step: 0 });
    trajectory.record("tool-call", { name: "setup", command: "npm ci", exitCode: 0 });
    expect(last()).toEqual({ phase: "setup", step: 0, lastAction: "ran setup `npm ci`" });
  });

  test("each model request is a step of work, and the last action stays until the next one", () => {
    const { trajectory, last } = recorded();
    trajectory.record("model-request", { step: 1 });
    trajectory.record("tool-call", toolCall("read_file", { path: "src/b.ts" }));
    trajectory.record("model-request", { step: 2 });
    expect(last()).toEqual({ phase: "working", step: 2, lastAction: "read `src/b.ts`" });
  });

  test("tokens and cost add up over the model requests and stay through later events", () => {
    const { trajectory, last } = recorded();
    trajectory.record("run-started", { model: "m" });
    trajectory.record("model-request", { step: 1, usage: { inputTokens: 100, outputTokens: 20 }, costUsd: 0.01 });
    trajectory.record("tool-call", toolCall("read_file", { path: "src/a.ts" }));
    trajectory.record("model-request", { step: 2, usage: { inputTokens: 300, outputTokens: 30 }, costUsd: 0.02 });
    trajectory.record("test-run", { passed: true });
    expect(last()).toEqual({ phase: "testing", step: 2, lastAction: "the tests pass", tokens: 450, costUsd: 0.03 });
    trajectory.record("run-started", { model: "m" });
    expect(last()).toEqual({ phase: "setup", step: 0 });
  });

  test("a model whose price is unknown counts tokens and no cost", () => {
    const { trajectory, last } = recorded();
    trajectory.record("model-request", { step: 1, usage: { inputTokens: 10, outputTokens: 5 }, costUsd: null });
    expect(last()).toEqual({ phase: "working", step: 1, tokens: 15 });
  });

  test("tool calls become a few words", () => {
    const { trajectory, seen } = recorded();
    trajectory.record("model-request", { step: 1 });
    trajectory.record("tool-call", toolCall("shell", { command: "npm test" }));
    trajectory.record("tool-call", toolCall("edit_file", { path: "src/a.ts", old: "a", new: "b" }));
    trajectory.record("tool-call", toolCall("write_file", { path: "src/c.ts", content: "x" }));
    trajectory.record("tool-call", toolCall("search", { pattern: "foo" }));
    trajectory.record("tool-call", toolCall("run_tests", {}));
    trajectory.record("tool-call", toolCall("ask", { question: "Which one?" }));

    expect(seen.slice(1).map((progress) => progress.lastAction)).toEqual([
      "ran `npm test`",
      "edited `src/a.ts`",
      "wrote `src/c.ts`",
      "searched `foo`",
      "ran the tests",
      "asked a question",
    ]);
  });

  test("a long command is cut to about 60 characters and its secrets are never shown", () => {
    const { trajectory, last } = recorded();
    const token = `ghp_${"a1B2".repeat(9)}`;
    trajectory.record("tool-call", toolCall("shell", { command: `curl -H "Authorization: token ${token}" https://api.github.com/user/repos?per_page=100` }));

    const action = last()?.lastAction ?? "";
    expect(action).not.toContain("a1B2");
    expect(action).toContain("[redacted]");
    expect(action.length).toBeLessThanOrEqual(60);
    expect(action).toMatch(/^ran `curl .*…`$/);
  });

  test("a model-written path cannot mention anyone: it is shown as code", () => {
    const { trajectory, last } = recorded();
    trajectory.record("tool-call", toolCall("read_file", { path: "@octocat ping" }));
    expect(last()?.lastAction).toBe("read `@octocat ping`");
  });

  test("finish and the harness's test run are the testing phase", () => {
    const { trajectory, last } = recorded();
    trajectory.record("model-request", { step: 4 });
    trajectory.record("tool-call", toolCall("finish", { summary: "Fixed." }));
    expect(last()).toEqual({ phase: "testing", step: 4, lastAction: "said it is done" });
    trajectory.record("test-run", { by: "harness", command: "npm test", passed: false });
    expect(last()).toEqual({ phase: "testing", step: 4, lastAction: "the tests fail" });
    trajectory.record("model-request", { step: 5 });
    expect(last()?.phase).toBe("working");
  });

  test("a progress listener that throws does not reach the agent", () => {
    const inner = new MemoryTrajectory();
    const trajectory = progressTrajectory(inner, () => {
      throw new Error("status bug");
    });
    expect(() => trajectory.record("model-request", { step: 1 })).not.toThrow();
    expect(inner.events).toHaveLength(1);
  });
});

describe("the progress board", () => {
  test("keeps each task's progress and tells its listeners", () => {
    const board = new ProgressBoard();
    const heard: [number, Progress | undefined][] = [];
    const stop = board.listen((taskId, progress) => heard.push([taskId, progress]));
    board.set(7, { phase: "working", step: 1 });
    board.set(8, { phase: "setup", step: 0 });
    stop();
    board.set(7, { phase: "working", step: 2 });

    expect(board.get(7)).toEqual({ phase: "working", step: 2 });
    expect(heard).toEqual([
      [7, { phase: "working", step: 1 }],
      [8, { phase: "setup", step: 0 }],
    ]);
    board.clear(7);
    expect(board.get(7)).toBeUndefined();
  });

  test("a touch tells the listeners without changing the progress", () => {
    const board = new ProgressBoard();
    const heard: [number, Progress | undefined][] = [];
    board.listen((taskId, progress) => heard.push([taskId, progress]));
    board.set(7, { phase: "working", step: 3 });
    board.touch(7);
    board.touch(9);
    expect(heard).toEqual([
      [7, { phase: "working", step: 3 }],
      [7, { phase: "working", step: 3 }],
      [9, undefined],
    ]);
    expect(board.get(7)).toEqual({ phase: "working", step: 3 });
  });
});
