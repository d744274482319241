import type { GitHub, PullRequest, ReviewRequest } from "../../../../src/github/platform.ts";
import type { Log } from "../../../../src/logger.ts";

/**
 * The few GitHub calls a stack part makes, in memory: open pull requests filtered as GitHub
 * filters them, and every write recorded with what it changed. Any other call fails the test.
 */
export function recordingGitHub(pulls: PullRequest[] = [], options: { review?: ReviewRequest } = {}) {
  const writes: { call: string; target: number | string; changes?: unknown }[] = [];
  const github = {
    listPulls: async (_repo, filter) =>
      pulls.filter((pull) => (filter.state === "all" || pull.state === filter.state) && (filter.base === undefined || pull.base === filter.base)),
    createPull: async (_repo, wanted) => {
      writes.push({ call: "createPull", target: wanted.head, changes: wanted });
      return pullRequest({ number: 101, head: wanted.head, base: wanted.base, title: wanted.title, body: wanted.body });
    },
    requestReviewers: async (pull, reviewers) => {
      writes.push({ call: "requestReviewers", target: pull.pull, changes: reviewers });
      return options.review ?? { kind: "requested" };
    },
    updatePull: async (pull, changes) => void writes.push({ call: "updatePull", target: pull.pull, changes }),
    updateIssue: async (issue, changes) => void writes.push({ call: "updateIssue", target: issue.issueNumber, changes }),
    createComment: async (issue, body) => {
      writes.push({ call: "createComment", target: issue.issueNumber, changes: body });
      return { id: 1 };
    },
    deleteBranch: async (_repo, branch) => {
      writes.push({ call: "deleteBranch", target: branch });
      return true;
    },
  } satisfies Partial<GitHub>;
  return { github: github as unknown as GitHub, writes };
}

/** An open pull request of octo/app (not a fork), with Ferry's label. */
export function pullRequest(fields: { number: number; head: string; base: string } & Partial<Omit<PullRequest, "head">> & { headRepo?: string; sha?: string }): PullRequest {
  const { head, headRepo, sha, ...rest } = fields;
  return {
    state: "open",
    merged: false,
    url: `https://github.com/octo/app/pull/${fields.number}`,
    title: "x",
    body: "<!-- ferry:task=5 pr -->",
    labels: ["ferry"],
    ...rest,
    head: { ref: head, sha: sha ?? "a".repeat(40), repoFullName: headRepo ?? "octo/app" },
  };
}

/** A log that keeps its lines, for what the operator reads. */
export function recordingLog() {
  const lines: { level: "info" | "warn" | "error"; fields: object; message: string }[] = [];
  const log: Log = {
    info: (fields, message) => void lines.push({ level: "info", fields, message }),
    warn: (fields, message) => void lines.push({ level: "warn", fields, message }),
    error: (fields, message) => void lines.push({ level: "error", fields, message }),
  };
  return { log, lines };
}
