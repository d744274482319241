import { describe, expect, test } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { octokitPlatform } from "../../../src/github/octokit-platform.ts";
import { publishStack } from "../../../src/delivery/publish/publish-stack.ts";
import type { PublishRequest } from "../../../src/delivery/publish/publish-request.ts";
import { githubApi } from "../../helpers/github-api.ts";
import { fakePulls, type FakePulls } from "../../helpers/github-pulls.ts";
import { expectLoggedWarning } from "../../helpers/logged-problems.ts";
import { ISSUE, OWNER, passingCheck, publishRequest, REPO, silentLog } from "./publish-fixtures.ts";

const client = octokitPlatform(new Octokit({ auth: "token", log: silentLog }));

/** The first delivery of `request` onto a repository without pull requests, numbered from 101. */
async function firstDelivery(github: FakePulls, request: PublishRequest) {
  const scope = githubApi();
  github.expectList(scope);
  request.parts.forEach((_, at) => {
    github.expectCreate(scope, 101 + at);
    github.expectReviewRequest(scope, 101 + at);
    github.expectIssuePatch(scope, 101 + at);
  });
  return publishStack(client, request, silentLog);
}

describe("the first delivery of a stack", () => {
  test("opens the parts in order, each based on the one below, as drafts titled k/n", async () => {
    const github = fakePulls(OWNER, REPO);

    const result = await firstDelivery(github, publishRequest(3));

    expect(github.open().map(({ number, head, base, title, draft }) => ({ number, head, base, title, draft }))).toEqual([
      { number: 101, head: "agent/issue-42/part-1", base: "main", title: "Add rate limiting (1/3)", draft: true },
      { number: 102, head: "agent/issue-42/part-2", base: "agent/issue-42/part-1", title: "Add rate limiting (2/3)", draft: true },
      { number: 103, head: "agent/issue-42/part-3", base: "agent/issue-42/part-2", title: "Add rate limiting (3/3)", draft: true },
    ]);
    expect(result.parts).toEqual([
      { index: 1, branch: "agent/issue-42/part-1", number: 101, url: "https://github.com/octo/app/pull/101", headSha: "1".repeat(40) },
      { index: 2, branch: "agent/issue-42/part-2", number: 102, url: "https://github.com/octo/app/pull/102", headSha: "2".repeat(40) },
      { index: 3, branch: "agent/issue-42/part-3", number: 103, url: "https://github.com/octo/app/pull/103", headSha: "3".repeat(40) },
    ]);
    expect(result.closed).toEqual([]);
  });

  test("creates, asks for review, then sets the final body and label in one write per pull request", async () => {
    const github = fakePulls(OWNER, REPO);

    const result = await firstDelivery(github, publishRequest(3));

    expect(github.writes).toEqual([
      "POST /pulls",
      'POST /pulls/101/requested_reviewers ["alice"]',
      "POST /pulls",
      'POST /pulls/102/requested_reviewers ["alice"]',
      "POST /pulls",
      'POST /pulls/103/requested_reviewers ["alice"]',
      "PATCH /issues/101",
      "PATCH /issues/102",
      "PATCH /issues/103",
    ]);
    expect(github.open().map((pull) => pull.labels)).toEqual([["ferry"], ["ferry"], ["ferry"]]);
    expect(result.requests).toBe(10);
  });

  test("every body links every part, marks its own, and only the last closes the issue", async () => {
    const github = fakePulls(OWNER, REPO);

    await firstDelivery(github, publishRequest(3));

    const bodies = github.open().map((pull) => pull.body);
    for (const [at, body] of bodies.entries()) {
      expect(body).toContain(`1. Part 1: #101${at === 0 ? " ← this PR" : ""}\n2. Part 2: #102${at === 1 ? " ← this PR" : ""}\n3. Part 3: #103`);
      expect(body).toContain(`<!-- ferry:part=${at + 1}/3 -->`);
    }
    expect(bodies.map((body) => body.includes(`Closes #${ISSUE}`))).toEqual([false, false, true]);
  });

  test("a single part has the issue's title without a (1/1) suffix", async () => {
    const github = fakePulls(OWNER, REPO);

    await firstDelivery(github, publishRequest(1));

    expect(github.open()).toMatchObject([{ title: "Add rate limiting", base: "main" }]);
    expect(github.open()[0]?.body).toContain(`Closes #${ISSUE}`);
  });

  test("ready for review when the request is not a draft", async () => {
    const github = fakePulls(OWNER, REPO);

    await firstDelivery(github, publishRequest(1, { draft: false }));

    expect(github.open()[0]?.draft).toBe(false);
  });

  test("a requester GitHub refuses as reviewer still gets the pull requests", async () => {
    const github = fakePulls(OWNER, REPO);
    const scope = githubApi();
    github.expectList(scope);
    github.expectCreate(scope, 101);
    github.expectReviewRequest(scope, 101, "Reviews may only be requested from collaborators.");
    github.expectIssuePatch(scope, 101);
    expectLoggedWarning(/GitHub refused the requester as reviewer \(Reviews may only be requested from collaborators\.\)/);

    const result = await publishStack(client, publishRequest(1), silentLog);

    expect(result.parts.map((part) => part.number)).toEqual([101]);
    expect(github.open()[0]?.labels).toEqual(["ferry"]);
  });

  test("a branch that is not the part's deterministic name is refused before any request", async () => {
    const request = publishRequest(1);
    const parts = request.parts.map((part) => ({ ...part, branch: "feature/x" }));

    await expect(publishStack(client, { ...request, parts })).rejects.toThrow("must be pushed to agent/issue-42/part-1");
  });
});

describe("delivering again", () => {
  test("a first delivery of 4 parts costs 1 + 3 × 4 requests, a repeat costs the one listing", async () => {
    const github = fakePulls(OWNER, REPO);
    const request = publishRequest(4);

    const first = await firstDelivery(github, request);
    github.expectList(githubApi());
    const repeat = await publishStack(client, request, silentLog);

    expect({ first: first.requests, repeat: repeat.requests }).toEqual({ first: 13, repeat: 1 });
  });

  test("the same stack again makes no new pull requests and writes nothing", async () => {
    const github = fakePulls(OWNER, REPO);
    const request = publishRequest(3);
    const first = await firstDelivery(github, request);
    const before = github.writes.length;
    github.expectList(githubApi());

    const again = await publishStack(client, request, silentLog);

    expect(again.parts).toEqual(first.parts);
    expect(github.writes.length).toBe(before);
    expect(again.requests).toBe(1);
  });

  test("changed test evidence patches only the bodies that changed", async () => {
    const github = fakePulls(OWNER, REPO);
    const request = publishRequest(3);
    await firstDelivery(github, request);
    github.writes.length = 0;
    const scope = githubApi();
    github.expectList(scope);
    github.expectPullPatch(scope, 102);
    const parts = request.parts.map((part, at) => (at === 1 ? { ...part, check: passingCheck(99_000) } : part));

    const again = await publishStack(client, { ...request, parts }, silentLog);

    expect(github.writes).toEqual(["PATCH /pulls/102 body"]);
    expect(github.pulls.get(102)?.body).toContain("99.0 s");
    expect(again.parts.map((part) => part.number)).toEqual([101, 102, 103]);
  });

  test("a changed issue title retitles every part without touching bases or labels", async () => {
    const github = fakePulls(OWNER, REPO);
    const request = publishRequest(2);
    await firstDelivery(github, request);
    github.writes.length = 0;
    const scope = githubApi();
    github.expectList(scope);
    github.expectPullPatch(scope, 101);
    github.expectPullPatch(scope, 102);

    await publishStack(client, { ...request, issue: { ...request.issue, title: "Rate-limit the API" } }, silentLog);

    expect(github.writes).toEqual(["PATCH /pulls/101 title", "PATCH /pulls/102 title"]);
    expect(github.open().map((pull) => pull.title)).toEqual(["Rate-limit the API (1/2)", "Rate-limit the API (2/2)"]);
  });

  test("more parts than before: the new ones are opened on top, the old ones relinked", async () => {
    const github = fakePulls(OWNER, REPO);
    const request = publishRequest(4);
    await firstDelivery(github, { ...request, parts: request.parts.slice(0, 2) });
    github.writes.length = 0;
    const scope = githubApi();
    github.expectList(scope);
    for (const number of [103, 104]) {
      github.expectCreate(scope, number);
      github.expectReviewRequest(scope, number);
    }
    github.expectPullPatch(scope, 101);
    github.expectPullPatch(scope, 102);
    github.expectIssuePatch(scope, 103);
    github.expectIssuePatch(scope, 104);

    await publishStack(client, request, silentLog);

    expect(github.writes.filter((write) => write.startsWith("PATCH"))).toEqual([
      "PATCH /pulls/101 body,title",
      "PATCH /pulls/102 body,title",
      "PATCH /issues/103",
      "PATCH /issues/104",
    ]);
    expect(github.pulls.get(103)?.base).toBe("agent/issue-42/part-2");
    expect(github.pulls.get(101)?.body).toContain("4. Part 4: #104");
  });

  test("a part whose base someone changed is moved back, body and base in one write", async () => {
    const github = fakePulls(OWNER, REPO);
    const request = publishRequest(2);
    await firstDelivery(github, request);
    github.writes.length = 0;
    const moved = github.pulls.get(102);
    if (moved) moved.base = "main";
    const scope = githubApi();
    github.expectList(scope);
    github.expectPullPatch(scope, 101);
    github.expectPullPatch(scope, 102);

    await publishStack(client, { ...request, summary: "A new summary." }, silentLog);

    expect(github.writes).toEqual(["PATCH /pulls/101 body", "PATCH /pulls/102 base,body"]);
    expect(github.pulls.get(102)?.base).toBe("agent/issue-42/part-1");
  });
});

describe("a rerun with fewer parts", () => {
  test("each extra part is explained, closed and its branch deleted", async () => {
    const github = fakePulls(OWNER, REPO);
    const request = publishRequest(4);
    await firstDelivery(github, request);
    github.writes.length = 0;
    const scope = githubApi();
    github.expectList(scope);
    github.expectPullPatch(scope, 101);
    github.expectPullPatch(scope, 102);
    for (const [number, index] of [[104, 4], [103, 3]] as const) {
      github.expectComment(scope, number);
      github.expectPullPatch(scope, number);
      github.expectDeleteBranch(scope, `agent/issue-42/part-${index}`);
    }

    const result = await publishStack(client, { ...request, parts: request.parts.slice(0, 2) }, silentLog);

    expect(result.closed).toEqual([104, 103]);
    expect(result.deletedBranches).toEqual(["agent/issue-42/part-4", "agent/issue-42/part-3"]);
    expect(github.open().map((pull) => pull.number)).toEqual([101, 102]);
    expect(github.writes.slice(2)).toEqual([
      "POST /issues/104/comments",
      "PATCH /pulls/104 state",
      "DELETE heads/agent/issue-42/part-4",
      "POST /issues/103/comments",
      "PATCH /pulls/103 state",
      "DELETE heads/agent/issue-42/part-3",
    ]);
    expect(github.comments[0]?.body).toContain("folded into the new stack: #101, #102");
    expect(github.pulls.get(102)?.body).toContain(`Closes #${ISSUE}`);
  });

  test("an extra part whose branch has a commit Ferry did not push is closed, but its branch is kept", async () => {
    const github = fakePulls(OWNER, REPO);
    const request = publishRequest(2);
    await firstDelivery(github, request);
    const extra = github.pulls.get(102);
    if (extra) extra.headSha = "9".repeat(40);
    const scope = githubApi();
    github.expectList(scope);
    github.expectPullPatch(scope, 101);
    github.expectComment(scope, 102);
    github.expectPullPatch(scope, 102);
    expectLoggedWarning(/kept the branch of a closed part: its tip is not Ferry's/);

    const result = await publishStack(client, { ...request, parts: request.parts.slice(0, 1) }, silentLog);

    expect(result).toMatchObject({ closed: [102], deletedBranches: [] });
    expect(github.writes.filter((write) => write.startsWith("DELETE"))).toEqual([]);
    expect(github.comments.at(-1)?.body).toContain("Its branch has a commit Ferry did not push (9999999), so the branch is kept.");
  });

  test("a branch that is already gone is fine", async () => {
    const github = fakePulls(OWNER, REPO);
    const request = publishRequest(2);
    await firstDelivery(github, request);
    const scope = githubApi();
    github.expectList(scope);
    github.expectPullPatch(scope, 101);
    github.expectComment(scope, 102);
    github.expectPullPatch(scope, 102);
    github.expectDeleteBranch(scope, "agent/issue-42/part-2", 422);

    const result = await publishStack(client, { ...request, parts: request.parts.slice(0, 1) }, silentLog);

    expect(result.closed).toEqual([102]);
  });
});

describe("finding the stack on GitHub", () => {
  const ours = (number: number, index: number, issue = ISSUE) => ({
    number,
    title: "x",
    body: "<!-- ferry:task=3 pr -->",
    head: `agent/issue-${issue}/part-${index}`,
    base: "main",
  });

  test("pull requests of forks, of other issues, or without Ferry's marker are not taken for parts", async () => {
    const github = fakePulls(OWNER, REPO);
    github.add({ ...ours(7, 1), headRepo: "mallory/app" });
    github.add(ours(8, 1, 41));
    github.add({ ...ours(9, 1), body: "a person's pull request from the same branch" });
    const scope = githubApi();
    github.expectList(scope);
    github.expectCreate(scope, 101);
    github.expectReviewRequest(scope, 101);
    github.expectIssuePatch(scope, 101);

    const result = await publishStack(client, publishRequest(1), silentLog);

    expect(result.parts.map((part) => part.number)).toEqual([101]);
  });

  test("a stack part on the second page of open pull requests is found", async () => {
    const github = fakePulls(OWNER, REPO);
    const strangers = Array.from({ length: 100 }, (_, at) => ({ ...ours(1000 + at, 1, 7), state: "open" as const, draft: false, labels: [] }));
    github.add({ ...ours(55, 1), labels: ["ferry"] });
    const scope = githubApi();
    github.expectList(scope, { pageOf: strangers });
    github.expectList(scope, { page: 2 });
    github.expectPullPatch(scope, 55);

    const result = await publishStack(client, publishRequest(1), silentLog);

    expect(result.parts.map((part) => part.number)).toEqual([55]);
    expect(github.pulls.get(55)?.title).toBe("Add rate limiting");
    // Counted per platform call: the listing is one, however many pages it took.
    expect(result.requests).toBe(2);
  });

  test("a part that lost its label gets it back beside the labels people added", async () => {
    const github = fakePulls(OWNER, REPO);
    const request = publishRequest(1);
    await firstDelivery(github, request);
    const pull = github.pulls.get(101);
    if (pull) pull.labels = ["needs-design"];
    github.writes.length = 0;
    const scope = githubApi();
    github.expectList(scope);
    github.expectIssuePatch(scope, 101);

    await publishStack(client, request, silentLog);

    expect(github.pulls.get(101)?.labels).toEqual(["needs-design", "ferry"]);
    expect(github.writes).toEqual(["PATCH /issues/101"]);
  });
});
