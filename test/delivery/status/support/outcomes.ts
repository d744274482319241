import type { Spend, TestRun } from "../../../../src/tasks/agent-outcome.ts";
import type { PublishedPart } from "../../../../src/tasks/model.ts";

export const spend: Spend = {
  steps: 12,
  inputTokens: 30_000,
  cachedInputTokens: 10_000,
  outputTokens: 4_567,
  reasoningTokens: 0,
  costUsd: 0.42,
  minutes: 3.25,
};

export const passingTests: TestRun = { command: "npm test", passed: true, exitCode: 0, timedOut: false, durationMs: 900, output: "ok" };

export function part(index: number, number: number): PublishedPart {
  return { index, branch: `agent/issue-3/part-${index}`, number, url: `https://github.com/octo/app/pull/${number}`, headSha: `${index}`.repeat(40) };
}
