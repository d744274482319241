import type { RepoName } from "./client.ts";

/*
 * GitHub as Ferry uses it: the verbs, and the records they return, with nothing of REST or
 * Octokit in them. Two implementations: octokit-platform.ts (the real one, over a GitHubClient)
 * and memory-platform.ts (maps, for tests). test/github/platform-contract.test.ts runs the same
 * scenarios against both, so they say the same thing.
 */

export type { RepoName } from "./client.ts";
export type IssueRef = { owner: string; repo: string; issueNumber: number };
export type PullRef = { owner: string; repo: string; pull: number };

/** Who wrote something; `type` is `Bot` for an App's bot (Ferry's own comments are found by it). */
export type Author = { login: string; type?: string | undefined };

export type Issue = { number: number; title: string; body: string; url: string | undefined; commentCount: number | undefined };
/** An open issue as the sweep lists it; `labels` is undefined when GitHub did not list them. */
export type ListedIssue = {
  number: number;
  title: string;
  body: string;
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  author: Author | null;
  labels: string[] | undefined;
  thumbsUp: number;
};
/** Someone applied `label` (an issue's `labeled` event); `actor` is null for a deleted account. */
export type LabelEvent = { label: string; actor: Author | null };
export type IssueComment = { id: number; body: string; author: Author | null };
/** Comments come in pages of this many; a short page is the last. */
export const COMMENT_PAGE_SIZE = 100;
/** 1-based pages of comments to read, `last` included; reading stops early after a short page. */
export type PageRange = { first?: number; last?: number };

export type Reaction = "eyes" | "rocket" | "confused";
export type ReactionTarget =
  | { kind: "issue"; issue: IssueRef }
  | { kind: "issue-comment"; repo: RepoName; commentId: number }
  | { kind: "review-comment"; repo: RepoName; commentId: number };

/** `level` is GitHub's classic one (admin, write, read, none); `role` the repository role when GitHub says it (maintain, triage, a custom one). */
export type Permission = { level: string; role: string | undefined };

export type RepoFile = { kind: "file"; text: string } | { kind: "absent" } | { kind: "not-a-file" } | { kind: "too-large" };

export type CheckConclusion = "success" | "failure" | "cancelled";
/** Ferry only ever writes completed check runs. */
export type CompletedCheckRun = { name: string; externalId?: string; conclusion: CheckConclusion; title: string; summary: string };
export type CheckRun = { id: number; externalId: string | undefined };

export type PullRequest = {
  number: number;
  state: "open" | "closed";
  merged: boolean;
  url: string;
  title: string;
  body: string | null;
  labels: string[];
  /** `repoFullName` is `owner/name` of the head's repository; undefined when its fork is gone. */
  head: { ref: string; sha: string; repoFullName: string | undefined };
  base: string;
};
export type NewPullRequest = { head: string; base: string; title: string; body: string; draft: boolean };
export type PullChanges = { title?: string; body?: string; base?: string; state?: "closed" };
export type ReviewRequest = { kind: "requested" } | { kind: "refused"; reason: string };
export type IssueChanges = { title?: string; body?: string; labels?: string[] };

/** A submitted review: `state` lowercase, as webhooks say it; `author` is `ghost` for a deleted account. */
export type Review = { id: number; state: string; body: string; author: string };
/** An inline review comment; `line` falls back to the original line of an outdated comment. */
export type ReviewComment = { id: number; path: string; line: number | null; diffHunk: string; body: string; author: string; url?: string };
/** An inline comment as listed on the pull request: enough to find replies and thread roots. */
export type PullComment = { id: number; body: string; inReplyTo: number | undefined; author: Author | null };
/** A repository as an installation sees it; `pushedAt` changes with every push. */
export type Repository = { owner: string; name: string; cloneUrl: string; defaultBranch: string; archived: boolean; disabled: boolean; pushedAt: string | null };
export type Installation = { id: number; suspended: boolean };

export type ReviewThread = { resolved: boolean; comments: ReviewComment[] };

export interface GitHub {
  getIssue(issue: IssueRef): Promise<Issue>;
  /** Open issues carrying `label`, never pull requests. */
  listOpenIssues(repo: RepoName, label: string): Promise<ListedIssue[]>;
  /** Who applied which label, oldest first. */
  labelEvents(issue: IssueRef): Promise<LabelEvent[]>;
  createIssue(repo: RepoName, issue: { title: string; body: string; labels: string[] }): Promise<{ number: number }>;
  /** The issue's comments, oldest first, one page at a time. */
  issueComments(issue: IssueRef, pages?: PageRange): AsyncIterable<IssueComment[]>;
  createComment(issue: IssueRef, body: string): Promise<{ id: number }>;
  updateComment(repo: RepoName, commentId: number, body: string): Promise<void>;
  /** GitHub keeps one reaction of each kind per account: a repeat is no error. */
  react(target: ReactionTarget, reaction: Reaction): Promise<void>;
  updateIssue(issue: IssueRef, changes: IssueChanges): Promise<void>;

  /** `none` for someone who is not a collaborator. */
  permissionOf(repo: RepoName, login: string): Promise<Permission>;
  readFile(repo: RepoName, path: string, ref: string): Promise<RepoFile>;
  branchHeadSha(repo: RepoName, branch: string): Promise<string>;
  /** False when the branch was already gone. */
  deleteBranch(repo: RepoName, branch: string): Promise<boolean>;

  /** The runs named `name` on the commit (the first 100, more than Ferry ever makes). */
  checkRuns(repo: RepoName, headSha: string, name: string): Promise<CheckRun[]>;
  createCheckRun(repo: RepoName, headSha: string, run: CompletedCheckRun): Promise<{ id: number }>;
  updateCheckRun(repo: RepoName, id: number, run: CompletedCheckRun): Promise<void>;

  listPulls(repo: RepoName, filter: { state: "open" | "all"; base?: string }): Promise<PullRequest[]>;
  createPull(repo: RepoName, pull: NewPullRequest): Promise<PullRequest>;
  updatePull(pull: PullRef, changes: PullChanges): Promise<void>;
  /** GitHub refuses a reviewer who is not a collaborator, or who wrote the pull request. */
  requestReviewers(pull: PullRef, reviewers: string[]): Promise<ReviewRequest>;

  getReview(pull: PullRef, reviewId: number): Promise<Review>;
  reviewComments(pull: PullRef, reviewId: number): Promise<ReviewComment[]>;
  pullComments(pull: PullRef): Promise<PullComment[]>;
  /** Replies in the thread `commentId` starts (GitHub takes replies to a thread's first comment only). */
  replyToReviewComment(pull: PullRef, commentId: number, body: string): Promise<void>;
  reviewThreads(pull: PullRef): Promise<ReviewThread[]>;

  getRepository(repo: RepoName): Promise<Repository>;
  /** The repositories the installation whose credentials these are can reach. */
  installationRepos(): Promise<Repository[]>;

  // The App's own routes, with its own (JWT) credentials.
  appSlug(): Promise<string>;
  /** Suspended ones included. */
  installations(): Promise<Installation[]>;
  /** The App's installation on `repo`; undefined when the App is not installed there. */
  installationOf(repo: RepoName): Promise<number | undefined>;
}
