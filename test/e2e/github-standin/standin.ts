import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import { join } from "node:path";
import { startGitHttpServer, type GitHttpServer } from "../../helpers/git-http-server.ts";
import { publicKeyOf } from "./auth.ts";
import { branches, filesOf, seedBareRepo } from "./git-store.ts";
import { APP_ID, appRoutes } from "./routes-app.ts";
import { checkRoutes } from "./routes-checks.ts";
import { commentRoutes } from "./routes-comments.ts";
import { gitRoutes } from "./routes-git.ts";
import { issueRoutes } from "./routes-issues.ts";
import { pullRoutes } from "./routes-pulls.ts";
import { reviewRoutes } from "./routes-reviews.ts";
import { createFront, type GitRequest, type RecordedRequest } from "./server.ts";
import { repoKey, StandInState, type Comment, type Issue, type Permission, type Repository, type User } from "./state.ts";

export { APP_ID } from "./routes-app.ts";

export type SeedOptions = { owner: string; name: string; defaultBranch?: string } & ({ files: Record<string, string> } | { dir: string });
/** `labelledBy`: who applied the labels (the author unless named), as the issue's events say. */
export type NewIssue = { title: string; body?: string; labels?: string[]; user?: string; labelledBy?: string };

/**
 * A stateful GitHub Enterprise Server stand-in on loopback for end-to-end tests: Ferry
 * reaches it through GHE_HOST/GHE_PROTOCOL=http, and tests seed it and read it back here.
 */
export class GitHubStandIn {
  readonly state = new StandInState();
  readonly requests: RecordedRequest[] = [];
  readonly gitRequests: GitRequest[] = [];
  /** Everything GitHub would have refused or the stand-in does not know; a scenario expects none. */
  readonly violations: string[] = [];
  readonly #root: string;
  readonly #privateKey: string;
  readonly #latencyMs: number;
  readonly #holds: Array<{ method: string; path: RegExp; body: (body: unknown) => boolean; arrived: () => void; released: Promise<"answer" | "drop"> }> = [];
  #server: Server | undefined;
  #git: GitHttpServer | undefined;
  #port = 0;

  /** `latencyMs` delays every REST and GraphQL answer (not git), as a distant GitHub would; default 0. */
  constructor(options: { root: string; privateKey: string; latencyMs?: number }) {
    this.#root = options.root;
    this.#privateKey = options.privateKey;
    this.#latencyMs = options.latencyMs ?? 0;
  }

  /** Listens on 127.0.0.1 and returns GHE_HOST (`127.0.0.1:<port>`). */
  async start(): Promise<string> {
    const gitToken = randomBytes(16).toString("hex");
    this.#git = await startGitHttpServer({ root: this.#root, tokens: [gitToken] });
    const ctx = { state: this.state, web: () => this.web };
    const routes = [appRoutes, issueRoutes, commentRoutes, pullRoutes, reviewRoutes, checkRoutes, gitRoutes].flatMap((routesOf) => routesOf(ctx));
    const app = { id: APP_ID, key: publicKeyOf(this.#privateKey) };
    const server = createFront({ ctx, routes, app, git: this.#git, gitToken, requests: this.requests, gitRequests: this.gitRequests, violations: this.violations, hold: (method, path, body) => this.#held(method, path, body), latencyMs: this.#latencyMs });
    this.#server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (!address || typeof address === "string") throw new Error("the GitHub stand-in is not listening on TCP");
    this.#port = address.port;
    return this.host;
  }

  /**
   * Holds the next request that matches (REST path under /api/v3, or /api/graphql) before the
   * stand-in acts on it: `reached` resolves once it has arrived; `release("answer")` lets it
   * through, `release("drop")` closes its connection with nothing done, as if GitHub never got it.
   */
  hold(method: string, path: RegExp, body: (body: unknown) => boolean = () => true): { reached: Promise<void>; release(how: "answer" | "drop"): void } {
    let arrived = () => {};
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    let release: (how: "answer" | "drop") => void = () => {};
    const released = new Promise<"answer" | "drop">((resolve) => (release = resolve));
    this.#holds.push({ method, path, body, arrived, released });
    return { reached, release };
  }

  #held(method: string, path: string, body: unknown): Promise<"answer" | "drop"> {
    const at = this.#holds.findIndex((hold) => hold.method === method && hold.path.test(path) && hold.body(body));
    const hold = this.#holds[at];
    if (!hold) return Promise.resolve("answer");
    this.#holds.splice(at, 1);
    hold.arrived();
    return hold.released;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await this.#git?.close();
  }

  get host(): string {
    return `127.0.0.1:${this.#port}`;
  }

  get web(): string {
    return `http://${this.host}`;
  }

  cloneUrl(owner: string, name: string): string {
    return `${this.web}/${owner}/${name}.git`;
  }

  /** A bare repository with one commit on its default branch, installed for the App. */
  async seedRepository(options: SeedOptions): Promise<Repository> {
    const defaultBranch = options.defaultBranch ?? "main";
    const gitDir = join(this.#root, options.owner, `${options.name}.git`);
    await seedBareRepo(gitDir, "files" in options ? options.files : await filesOf(options.dir), defaultBranch);
    let installation = this.state.installations.find((candidate) => candidate.account === options.owner);
    if (!installation) {
      installation = { id: 4000 + this.state.installations.length + 1, account: options.owner };
      this.state.installations.push(installation);
    }
    const repo: Repository = { id: 9000 + this.state.repositories.size + 1, owner: options.owner, name: options.name, gitDir, defaultBranch, installationId: installation.id, labels: new Set() };
    this.state.repositories.set(repoKey(repo), repo);
    return repo;
  }

  addIssue(repo: Repository, issue: NewIssue): Issue {
    const user: User = { login: issue.user ?? "reporter", type: "User" };
    const created: Issue = {
      repo: repoKey(repo), number: this.state.nextNumber(repoKey(repo)), title: issue.title, body: issue.body ?? "", state: "open",
      labels: issue.labels ?? [], user, locked: false, createdAt: new Date().toISOString(), isPull: false,
    };
    const actor: User = { login: issue.labelledBy ?? user.login, type: "User" };
    created.labelEvents = created.labels.map((label) => ({ label, actor, at: created.createdAt }));
    this.state.issues.push(created);
    return created;
  }

  /** A comment someone (not the App) posted on the issue, as GitHub keeps it before it sends `issue_comment.created`. */
  addComment(repo: Repository, number: number, body: string, login: string): Comment {
    const created: Comment = { repo: repoKey(repo), id: this.state.nextId(), issueNumber: number, body, user: { login, type: "User" }, history: [body], createdAt: new Date().toISOString() };
    this.state.comments.push(created);
    return created;
  }

  setPermission(repo: Repository, login: string, permission: Permission): void {
    const key = repoKey(repo);
    if (!this.state.permissions.has(key)) this.state.permissions.set(key, new Map());
    this.state.permissions.get(key)?.set(login.toLowerCase(), permission);
  }

  /** A fresh installation token, for a test's own git clone. */
  issueToken(repo: Repository): string {
    const token = `ghs_test_${randomBytes(12).toString("hex")}`;
    this.state.tokens.set(token, { installationId: repo.installationId, expiresAt: Date.now() + 60 * 60 * 1000 });
    return token;
  }

  commentsOn(repo: Repository, number: number) {
    return this.state.comments.filter((comment) => comment.repo === repoKey(repo) && comment.issueNumber === number);
  }

  /** How many requests each route answered (`GET /repos/{owner}/{repo}/…`), most first; requests refused before routing or that no route matched count under `unrouted`. */
  requestsByRoute(): Record<string, number> {
    const counts = Map.groupBy(this.requests, (request) => request.route ?? "unrouted");
    return Object.fromEntries([...counts].map(([route, list]) => [route, list.length] as const).sort((a, b) => b[1] - a[1]));
  }

  /** Reaction contents on the issue, in the order they were first given. */
  reactionsOn(repo: Repository, number: number): string[] {
    return this.state.reactions.filter((reaction) => reaction.subject === `issue:${repoKey(repo)}#${number}`).map((reaction) => reaction.content);
  }

  pullsOf(repo: Repository) {
    return this.state.pulls
      .filter((pull) => pull.repo === repoKey(repo))
      .map((pull) => ({ ...pull, issue: this.state.issue(pull.repo, pull.number) }));
  }

  checkRunsOf(repo: Repository) {
    return this.state.checkRuns.filter((run) => run.repo === repoKey(repo));
  }

  /** Branch → sha, read from the bare repository. */
  branchesOf(repo: Repository): Promise<Map<string, string>> {
    return branches(repo.gitDir);
  }
}
