import { createSign } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import { MemoryPlatform } from "../../src/github/memory-platform.ts";
import type { RepoRole } from "../../src/github/memory-state.ts";
import { octokitPlatform } from "../../src/github/octokit-platform.ts";
import type { GitHub, IssueRef, PullRef, RepoName } from "../../src/github/platform.ts";
import { fixtureGit } from "../helpers/git-fixtures.ts";
import { testPrivateKey } from "../helpers/probot.ts";
import { addReview, resolveThread } from "../e2e/github-standin/seed-reviews.ts";
import { APP_ID, GitHubStandIn } from "../e2e/github-standin/standin.ts";
import { repoKey } from "../e2e/github-standin/state.ts";

/** The files every contract repository starts with on `main`. */
export const FILES = { ".github/agent.yml": "label: ferry\n", "src/a.js": "export const a = 1;\n" };

export type NewReview = { author: string; state: "CHANGES_REQUESTED" | "COMMENTED" | "APPROVED"; body: string; comments: { path: string; line: number; body: string }[] };

/**
 * A fresh repository on one GitHub, with what people did before Ferry looks: the contract
 * scenarios seed through this and then speak only the platform's verbs.
 */
export type World = {
  github: GitHub;
  /** The platform with the App's own credentials. */
  app: GitHub;
  repo: RepoName;
  /** The App's installation on `repo`, whose credentials `github` carries. */
  installationId: number;
  /** `labelledBy`: who applied `labels` (the author, `reporter`, unless named). */
  addIssue(title: string, body: string, labels?: { labels: string[]; labelledBy?: string }): IssueRef;
  addComment(issue: IssueRef, body: string, login: string): number;
  setRole(login: string, role: RepoRole): void;
  /** A new branch at `main`'s commit; returns that commit. */
  addBranch(name: string): Promise<string>;
  addReview(pull: PullRef, review: NewReview): { id: number; commentIds: number[] };
  resolveThread(rootCommentId: number): void;
  mergePull(pull: PullRef): void;
};

export type Worlds = { name: string; start(): Promise<void>; stop(): Promise<void>; world(): Promise<World> };

let repos = 0;
const nextName = () => `repo-${++repos}`;

export function memoryWorlds(): Worlds {
  const MAIN_SHA = "a".repeat(40);
  return {
    name: "in memory",
    start: async () => {},
    stop: async () => {},
    world: async () => {
      const app = new MemoryPlatform();
      const repo = { owner: "octo-org", repo: nextName() };
      const installationId = 4001;
      app.addRepository(repo, { installationId, defaultBranch: "main" });
      const github = app.forInstallation(installationId);
      github.setBranch(repo, "main", MAIN_SHA);
      for (const [path, text] of Object.entries(FILES)) github.setFile(repo, "main", path, text);
      return {
        github,
        app,
        repo,
        installationId,
        addIssue: (title, body, labels) => github.addIssue(repo, { title, body, ...labels }),
        addComment: (issue, body, login) => github.addComment(issue, body, { login, type: "User" }),
        setRole: (login, role) => github.setRole(repo, login, role),
        addBranch: async (name) => {
          github.setBranch(repo, name, MAIN_SHA);
          return MAIN_SHA;
        },
        addReview: (pull, review) => github.addReview(pull, review),
        resolveThread: (id) => github.resolveThread(repo, id),
        mergePull: (pull) => github.mergePull(pull),
      };
    },
  };
}

/** The Octokit platform against the e2e GitHub stand-in, a GitHub Enterprise Server on loopback. */
export function standInWorlds(): Worlds {
  const dir = mkdtempSync(join(tmpdir(), "ferry-contract-"));
  const standin = new GitHubStandIn({ root: join(dir, "github"), privateKey: testPrivateKey() });
  const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
  const client = (auth: string) => new Octokit({ baseUrl: `${standin.web}/api/v3`, auth, log: quiet });
  return {
    name: "Octokit against the GitHub stand-in",
    start: async () => {
      await standin.start();
    },
    stop: async () => {
      await standin.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    world: async () => {
      const seeded = await standin.seedRepository({ owner: "octo-org", name: nextName(), files: FILES });
      const repo = { owner: seeded.owner, repo: seeded.name };
      const { data } = await client(appJwt()).request("POST /app/installations/{installation_id}/access_tokens", { installation_id: seeded.installationId });
      return {
        github: octokitPlatform(client(data.token)),
        app: octokitPlatform(client(appJwt())),
        repo,
        installationId: seeded.installationId,
        addIssue: (title, body, labels) => ({ ...repo, issueNumber: standin.addIssue(seeded, { title, body, ...labels }).number }),
        addComment: (issue, body, login) => standin.addComment(seeded, issue.issueNumber, body, login).id,
        setRole: (login, role) => standin.setPermission(seeded, login, role),
        addBranch: async (name) => fixtureGit(seeded.gitDir, ["branch", name, "main"]).then(() => fixtureGit(seeded.gitDir, ["rev-parse", name])),
        addReview: (pull, review) => {
          const added = addReview(standin.state, seeded, pull.pull, { user: review.author, state: review.state, body: review.body, comments: review.comments });
          return { id: added.review.id, commentIds: added.comments.map((comment) => comment.id) };
        },
        resolveThread: (id) => resolveThread(standin.state, id),
        mergePull: (pull) => {
          const [merged, issue] = [standin.state.pull(repoKey(seeded), pull.pull), standin.state.issue(repoKey(seeded), pull.pull)];
          if (!merged || !issue) throw new Error(`no pull request #${pull.pull}`);
          merged.merged = true;
          issue.state = "closed";
        },
      };
    },
  };
}

function appJwt(): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${part({ alg: "RS256", typ: "JWT" })}.${part({ iat: now - 30, exp: now + 500, iss: APP_ID })}`;
  return `${unsigned}.${createSign("RSA-SHA256").update(unsigned).sign(testPrivateKey()).toString("base64url")}`;
}
