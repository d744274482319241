import type { PartToPublish, PublishRequest } from "../../../src/delivery/publish/publish-request.ts";
import { partBranch } from "../../../src/github/ferry-pulls.ts";
import type { PrefixCheck } from "../../../src/delivery/stack/stack-part.ts";

/** Not the helper in test/helpers/probot.ts (publishing needs no Probot app loaded); the same logger: warnings and errors fail a test unless declared. */
export { testLog as silentLog } from "../../helpers/logged-problems.ts";

export const OWNER = "octo";
export const REPO = "app";
export const ISSUE = 42;

export const passingCheck = (durationMs = 12_300): PrefixCheck => ({
  command: "npm test",
  passed: true,
  exitCode: 0,
  timedOut: false,
  durationMs,
  output: "all green",
});

export function part(index: number, files: { path: string; lines: number }[], extra: Partial<PartToPublish> = {}): PartToPublish {
  return {
    branch: partBranch(ISSUE, index),
    headSha: String(index).repeat(40),
    files,
    lines: files.reduce((sum, file) => sum + file.lines, 0),
    oversize: false,
    check: passingCheck(),
    ...extra,
  };
}

/** A stack of `count` parts of one file each, for issue #42 in octo/app. */
export function publishRequest(count: number, overrides: Partial<PublishRequest> = {}): PublishRequest {
  return {
    owner: OWNER,
    repo: REPO,
    taskId: 12,
    issue: { number: ISSUE, title: "Add rate limiting" },
    requester: "alice",
    base: "main",
    draft: true,
    summary: "Adds a token-bucket rate limiter and applies it to the public API routes.",
    weakening: [],
    spend: { steps: 31, inputTokens: 182_000, cachedInputTokens: 120_500, outputTokens: 9_400, reasoningTokens: 3_100, costUsd: 0.4213, minutes: 7.25 },
    trajectory: { url: "https://ferry.example.com/tasks/12/trajectory" },
    parts: Array.from({ length: count }, (_, at) => part(at + 1, [{ path: `src/limiter/step-${at + 1}.ts`, lines: 40 + at }])),
    // Ferry pushed every branch as fakePulls lists it.
    pushedShaOf: async () => "f".repeat(40),
    ...overrides,
  };
}
