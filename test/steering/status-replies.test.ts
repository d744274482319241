import { describe, expect, test } from "@jest/globals";
import { steeringLines } from "../../src/delivery/status/steering-lines.ts";
import { renderStatusComment } from "../../src/delivery/status/status-comment.ts";
import { renderTaskStatusReply, type TaskStatusView } from "../../src/steering/task-status-reply.ts";
import { DEFAULT_REPO_CONFIG } from "../../src/config/repo-config.ts";
import { sampleTask } from "../fixtures/tasks.ts";

const run = { id: 1, taskId: 7, number: 2, startedAt: "2026-11-22T10:00:00.000Z", endedAt: null, interrupted: false };
const part = (index: number, number: number) => ({ index, branch: `agent/issue-3/part-${index}`, number, url: `https://github.com/octo/app/pull/${number}`, headSha: "a".repeat(40) });

function view(overrides: Partial<TaskStatusView> = {}): TaskStatusView {
  return { task: sampleTask({ state: "running" }), runs: [run], parts: [], followUps: [], limits: DEFAULT_REPO_CONFIG.limits, now: new Date("2026-11-22T10:03:00.000Z"), ...overrides };
}

describe("/agent status", () => {
  test("a running task: its run, the agent's step and last action, budgets used against the limits, and the links", () => {
    const reply = renderTaskStatusReply(view({
      progress: { phase: "working", step: 7, lastAction: "ran `npm test`", tokens: 12_345, costUsd: 0.42 },
      parts: [part(1, 40), part(2, 41)],
      trajectory: { url: "https://ferry.example.com/t.jsonl" },
    }));
    expect(reply).toBe([
      "**Task 7** is **running** · run 2, running for 3.0 min.",
      "**Now**: working, step 7 · last: ran `npm test`",
      "**Budgets used** (this run): 7 of 60 steps · 12,345 of 4,000,000 tokens · $0.42 of $5.00",
      "**Pull requests**\n- Part 1 of 2: #40\n- Part 2 of 2: #41",
      "[Trajectory](https://ferry.example.com/t.jsonl) of the latest run.",
    ].join("\n\n"));
  });

  test("an ended task shows what its run spent, and follow-ups still queued", () => {
    const spend = { steps: 12, inputTokens: 1000, cachedInputTokens: 0, outputTokens: 200, reasoningTokens: 0, costUsd: null, minutes: 4.25 };
    const reply = renderTaskStatusReply(view({
      task: sampleTask({ state: "done", result: { outcome: "no-changes", summary: "", spend } }),
      runs: [{ ...run, endedAt: "2026-11-22T10:04:30.000Z" }],
      followUps: [{ id: 1, taskId: 7, kind: "review", author: "bob", data: {}, batch: null, createdAt: "", readyAt: "", runId: null, doneAt: null }],
      limits: undefined,
    }));
    expect(reply).toContain("**Task 7** is **done** · run 2, ran 4.5 min.");
    expect(reply).toContain("**Budgets used** (this run): 12 steps · 1,200 tokens · cost unknown · 4.3 min");
    expect(reply).toContain("**Queued follow-ups**: review from @bob");
    expect(reply).not.toContain("**Now**");
  });
});

describe("steering on the status comment", () => {
  test("each redirect shows as received, then applied, and mentions in it cannot ping anyone", () => {
    const lines = steeringLines({
      redirects: [
        { author: "alice", body: "Use the v2 API", applied: true },
        { author: "bob", body: "and ping @carol\nplease", applied: false },
      ],
      followUp: { kind: "review", author: "dan" },
    });
    expect(lines).toContain("This run is a follow-up run for a review by @dan.");
    expect(lines).toContain("- @alice: “Use the v2 API” · ✅ applied");
    expect(lines).toContain("- @bob: “and ping");
    expect(lines).toContain("⏳ received; the agent gets it at its next step");
    expect(lines).not.toContain(" @carol");
  });

  test("only the last five redirects are listed, the earlier ones counted", () => {
    const redirects = Array.from({ length: 7 }, (_, at) => ({ author: "a", body: `r${at}`, applied: true }));
    const lines = steeringLines({ redirects }) ?? "";
    expect(lines).toContain("- … 2 earlier");
    expect(lines).not.toContain("r1”");
    expect(lines).toContain("r6");
  });

  test("no steering, no section; with steering it sits under the checklist", () => {
    expect(steeringLines({ redirects: [] })).toBeUndefined();
    const body = renderStatusComment({ task: sampleTask({ state: "running" }), parts: [], steering: { redirects: [{ author: "alice", body: "go", applied: false }] } });
    expect(body.indexOf("**Steering**")).toBeGreaterThan(body.indexOf("Working"));
  });
});
