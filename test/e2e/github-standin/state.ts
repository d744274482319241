/**
 * Everything the GitHub stand-in holds, as plain records the routes edit and tests read.
 * Issues and pull requests share one number sequence per repository, as on GitHub.
 */
export type User = { login: string; type: "User" | "Bot" };
export type Permission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

export type Repository = { id: number; owner: string; name: string; gitDir: string; defaultBranch: string; installationId: number; labels: Set<string> };

export type Issue = {
  repo: string;
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  labels: string[];
  user: User;
  locked: boolean;
  createdAt: string;
  isPull: boolean;
  /** `labeled` events, oldest first (GET …/issues/{n}/events); seeded issues only. */
  labelEvents?: { label: string; actor: User; at: string }[];
};

/** `history` holds every body the comment had, the first one included: each edit appends. */
export type Comment = { repo: string; id: number; issueNumber: number; body: string; user: User; history: string[]; createdAt: string };

export type Reaction = { subject: string; content: string; user: string };

export type Pull = {
  repo: string;
  number: number;
  head: string;
  base: string;
  draft: boolean;
  merged: boolean;
  requestedReviewers: string[];
  user: User;
};

export type CheckRun = {
  repo: string;
  id: number;
  name: string;
  headSha: string;
  externalId: string | undefined;
  status: string;
  conclusion: string | null;
  output: { title?: string; summary?: string };
  /** Every write: `created`, then one entry per update, each with the fields it set. */
  history: Record<string, unknown>[];
};

export type Review = { repo: string; id: number; pull: number; state: string; body: string; user: User };

export type ReviewComment = {
  repo: string;
  id: number;
  pull: number;
  reviewId: number | undefined;
  inReplyTo: number | undefined;
  path: string;
  line: number | null;
  diffHunk: string;
  body: string;
  user: User;
  resolved: boolean;
};

export type Installation = { id: number; account: string };

export const APP_SLUG = "ferry";
export const BOT: User = { login: `${APP_SLUG}[bot]`, type: "Bot" };

export class StandInState {
  readonly installations: Installation[] = [];
  readonly repositories = new Map<string, Repository>();
  readonly issues: Issue[] = [];
  readonly comments: Comment[] = [];
  readonly reactions: Reaction[] = [];
  readonly pulls: Pull[] = [];
  readonly checkRuns: CheckRun[] = [];
  readonly reviews: Review[] = [];
  readonly reviewComments: ReviewComment[] = [];
  /** Per `owner/repo`, per login. Users not listed have no access (`none`). */
  readonly permissions = new Map<string, Map<string, Permission>>();
  /** Installation tokens handed out, with the installation and expiry of each. */
  readonly tokens = new Map<string, { installationId: number; expiresAt: number }>();
  #nextId = 5000;

  nextId(): number {
    return this.#nextId++;
  }

  nextNumber(repo: string): number {
    return this.issues.filter((issue) => issue.repo === repo).reduce((max, issue) => Math.max(max, issue.number), 0) + 1;
  }

  repo(owner: string, name: string): Repository | undefined {
    return this.repositories.get(`${owner}/${name}`.toLowerCase());
  }

  issue(repo: string, number: number): Issue | undefined {
    return this.issues.find((issue) => issue.repo === repo && issue.number === number);
  }

  pull(repo: string, number: number): Pull | undefined {
    return this.pulls.find((pull) => pull.repo === repo && pull.number === number);
  }

  permissionOf(repo: string, login: string): Permission {
    return this.permissions.get(repo)?.get(login.toLowerCase()) ?? "none";
  }
}

export const repoKey = (repository: Pick<Repository, "owner" | "name">): string => `${repository.owner}/${repository.name}`.toLowerCase();
