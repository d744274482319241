import type { Author, CheckConclusion, IssueRef, LabelEvent, PullRef, Reaction, RepoName } from "./platform.ts";

/*
 * What the in-memory GitHub holds, as plain records tests seed and read back. One repository's
 * issues and pull requests share a number sequence, as on GitHub; ids are unique across all.
 */

export type MemoryIssue = {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  labels: string[];
  author: Author;
  isPull: boolean;
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  thumbsUp: number;
  /** `labeled` events, oldest first. */
  labelEvents: LabelEvent[];
};
/** `history` holds every body the comment had: each edit appends. */
export type MemoryComment = { id: number; issueNumber: number; body: string; author: Author; history: string[] };
export type MemoryPull = { number: number; head: string; base: string; draft: boolean; merged: boolean; requestedReviewers: string[] };
export type MemoryCheckRun = { id: number; headSha: string; name: string; externalId: string | undefined; conclusion: CheckConclusion; title: string; summary: string };
export type MemoryReview = { id: number; pull: number; state: string; body: string; author: string };
export type MemoryReviewComment = {
  id: number;
  pull: number;
  reviewId: number | undefined;
  inReplyTo: number | undefined;
  path: string;
  line: number | null;
  diffHunk: string;
  body: string;
  author: Author;
  resolved: boolean;
};
export type RepoRole = "admin" | "maintain" | "write" | "triage" | "read" | "none";

/** A repository's own facts, once seeded with `addRepository` (a repository not seeded is not found). */
export type RepositoryFacts = { owner: string; name: string; installationId: number; defaultBranch: string; archived: boolean; disabled: boolean; pushedAt: string | null };

/** Everything one in-memory GitHub holds; the App's view and each installation's share it. */
export type MemoryWorld = { repos: Map<string, MemoryRepo>; installations: Map<number, { suspended: boolean }>; nextId: number };

export class MemoryRepo {
  facts: RepositoryFacts | undefined;
  readonly issues = new Map<number, MemoryIssue>();
  readonly comments: MemoryComment[] = [];
  /** `issue:<n>`, `issue-comment:<id>` or `review-comment:<id>`, with each account's reactions. */
  readonly reactions: { target: string; content: Reaction; login: string }[] = [];
  readonly pulls = new Map<number, MemoryPull>();
  /** Branch → commit sha. */
  readonly branches = new Map<string, string>();
  /** `<ref>:<path>` → file text. */
  readonly files = new Map<string, string>();
  readonly checkRuns: MemoryCheckRun[] = [];
  readonly reviews: MemoryReview[] = [];
  readonly reviewComments: MemoryReviewComment[] = [];
  /** Lowercase login → role; anyone not here has none. */
  readonly roles = new Map<string, RepoRole>();

  nextNumber(): number {
    return Math.max(0, ...this.issues.keys()) + 1;
  }
}

export const repoKeyOf = (where: RepoName | IssueRef | PullRef): string => `${where.owner}/${where.repo}`.toLowerCase();

/** What GitHub answers with an HTTP status: `httpStatusOf` reads `status`, as it does on Octokit's errors. */
export class MemoryGitHubError extends Error {
  override name = "MemoryGitHubError";
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export const notFound = (what: string): MemoryGitHubError => new MemoryGitHubError(404, `Not Found: ${what}`);
export const unprocessable = (why: string): MemoryGitHubError => new MemoryGitHubError(422, `Validation Failed: ${why}`);
