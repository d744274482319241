import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { createSign } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import { execa } from "execa";
import { testPrivateKey } from "../helpers/probot.ts";
import { addReview, resolveThread } from "./github-standin/seed-reviews.ts";
import { APP_ID, GitHubStandIn } from "./github-standin/standin.ts";
import type { Repository } from "./github-standin/state.ts";

/** The stand-in on its own, through Octokit: it answers as GitHub would and refuses what GitHub would. */
const dir = mkdtempSync(join(tmpdir(), "ferry-standin-"));
const standin = new GitHubStandIn({ root: join(dir, "github"), privateKey: testPrivateKey() });
let repo: Repository;
let github: Octokit;

function appJwt(): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${part({ alg: "RS256", typ: "JWT" })}.${part({ iat: now - 30, exp: now + 500, iss: APP_ID })}`;
  return `${unsigned}.${createSign("RSA-SHA256").update(unsigned).sign(testPrivateKey()).toString("base64url")}`;
}

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const client = (auth: string) => new Octokit({ baseUrl: `${standin.web}/api/v3`, auth, log: quiet });
const statusOf = (promise: Promise<unknown>) => promise.then(() => 200, (error: { status?: number }) => error.status);

beforeAll(async () => {
  await standin.start();
  repo = await standin.seedRepository({ owner: "octo-org", name: "hello", files: { "README.md": "# hello\n", "src/a.js": "export const a = 1;\n" } });
  const { data } = await client(appJwt()).request("POST /app/installations/{installation_id}/access_tokens", { installation_id: repo.installationId });
  github = client(data.token);
});

afterAll(async () => {
  await standin.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("authentication", () => {
  test("App routes want the App's JWT; installation routes want a token the stand-in issued", async () => {
    expect(await statusOf(client(appJwt()).request("GET /app"))).toBe(200);
    expect(await statusOf(client("ghs_made_up").request("GET /repos/{owner}/{repo}", { owner: "octo-org", repo: "hello" }))).toBe(401);
    expect(await statusOf(client("not.a.jwt").request("GET /app/installations"))).toBe(401);
    expect(standin.violations.splice(0)).toHaveLength(2);
  });

  test("git refuses a clone without an issued token and serves one with it", async () => {
    const url = standin.cloneUrl("octo-org", "hello");
    const refused = await execa("git", ["clone", "--quiet", url, join(dir, "refused")], { reject: false, env: { GIT_TERMINAL_PROMPT: "0" } });
    expect(refused.exitCode).not.toBe(0);
    const basic = Buffer.from(`x-access-token:${standin.issueToken(repo)}`).toString("base64");
    await execa("git", ["-c", `http.extraHeader=Authorization: Basic ${basic}`, "clone", "--quiet", url, join(dir, "cloned")]);
    expect((await execa("git", ["-C", join(dir, "cloned"), "log", "--format=%s"])).stdout).toBe("Initial commit");
  });
});

describe("resources", () => {
  test("contents come from the bare repository: files base64, directories as listings, missing paths 404", async () => {
    const file = await github.request("GET /repos/{owner}/{repo}/contents/{path}", { owner: "octo-org", repo: "hello", path: "src/a.js", ref: "main" });
    expect(Buffer.from((file.data as { content: string }).content, "base64").toString()).toBe("export const a = 1;\n");
    const listing = await github.request("GET /repos/{owner}/{repo}/contents/{path}", { owner: "octo-org", repo: "hello", path: "src" });
    expect(listing.data).toEqual([expect.objectContaining({ type: "file", path: "src/a.js" })]);
    expect(await statusOf(github.request("GET /repos/{owner}/{repo}/contents/{path}", { owner: "octo-org", repo: "hello", path: "nope" }))).toBe(404);
  });

  test("issues are listed by state and labels, a page at a time", async () => {
    for (const title of ["one", "two", "three"]) standin.addIssue(repo, { title, labels: title === "two" ? [] : ["bug"] });
    const where = { owner: "octo-org", repo: "hello" };
    const first = await github.request("GET /repos/{owner}/{repo}/issues", { ...where, labels: "bug", per_page: 1, page: 1 });
    const second = await github.request("GET /repos/{owner}/{repo}/issues", { ...where, labels: "bug", per_page: 1, page: 2 });
    expect([...first.data, ...second.data].map((issue) => issue.title)).toEqual(["three", "one"]);
    await github.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { ...where, issue_number: 1, state: "closed" });
    const open = await github.request("GET /repos/{owner}/{repo}/issues", { ...where, labels: "bug" });
    expect(open.data.map((issue) => issue.title)).toEqual(["three"]);
  });

  test("pull requests need a real head branch and are not opened twice for one head", async () => {
    const where = { owner: "octo-org", repo: "hello" };
    expect(await statusOf(github.request("POST /repos/{owner}/{repo}/pulls", { ...where, head: "nope", base: "main", title: "x" }))).toBe(422);
    await execa("git", [`--git-dir=${repo.gitDir}`, "branch", "topic", "main"]);
    const opened = await github.request("POST /repos/{owner}/{repo}/pulls", { ...where, head: "topic", base: "main", title: "Topic" });
    expect(opened.data.head.sha).toBe((await standin.branchesOf(repo)).get("topic"));
    expect(await statusOf(github.request("POST /repos/{owner}/{repo}/pulls", { ...where, head: "topic", base: "main", title: "Again" }))).toBe(422);
    await github.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", { ...where, ref: "heads/topic" });
    expect((await standin.branchesOf(repo)).has("topic")).toBe(false);
  });

  test("review comments are listed per review, replied to in their thread, and grouped as GraphQL threads", async () => {
    const where = { owner: "octo-org", repo: "hello" };
    await execa("git", [`--git-dir=${repo.gitDir}`, "branch", "reviewed", "main"]);
    const pull = (await github.request("POST /repos/{owner}/{repo}/pulls", { ...where, head: "reviewed", base: "main", title: "Reviewed" })).data.number;
    const { review, comments } = addReview(standin.state, repo, pull, { user: "maintainer", state: "CHANGES_REQUESTED", comments: [{ path: "src/a.js", line: 1, body: "Rename a" }, { path: "README.md", line: 1, body: "Typo" }] });
    const listed = await github.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments", { ...where, pull_number: pull, review_id: review.id });
    expect(listed.data.map((comment) => comment.body)).toEqual(["Rename a", "Typo"]);
    const [first, second] = comments;
    if (!first || !second) throw new Error("addReview made no comments");
    await github.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies", { ...where, pull_number: pull, comment_id: first.id, body: "Renamed." });
    resolveThread(standin.state, second.id);
    const threads = await github.graphql<{ repository: { pullRequest: { reviewThreads: { nodes: { isResolved: boolean; comments: { nodes: { body: string }[] } }[] } } } }>(
      "query ($owner: String!, $repo: String!, $number: Int!) { repository(owner: $owner, name: $repo) { pullRequest(number: $number) { reviewThreads(first: 100) { nodes { isResolved } } } } }",
      { ...where, number: pull, baseUrl: `${standin.web}/api` },
    );
    expect(threads.repository.pullRequest.reviewThreads.nodes.map((thread) => [thread.isResolved, thread.comments.nodes.map((comment) => comment.body)])).toEqual([
      [false, ["Rename a", "Renamed."]],
      [true, ["Typo"]],
    ]);
  });

  test("every request above was one GitHub's OpenAPI description allows", () => {
    expect(standin.violations).toEqual([]);
  });
});
