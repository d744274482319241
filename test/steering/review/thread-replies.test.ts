import { FERRY_BOT, testAccountOf } from "../../helpers/ferry-account.ts";
import { describe, expect, test } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { octokitPlatform } from "../../../src/github/octokit-platform.ts";
import type nock from "nock";
import type { Log } from "../../../src/logger.ts";
import type { ReviewFeedback, ReviewNote } from "../../../src/steering/follow-ups/follow-up-data.ts";
import { replyToReview, type ReviewOutcome } from "../../../src/steering/review/thread-replies.ts";
import { githubApi } from "../../helpers/github-api.ts";
import { repoPath } from "../../helpers/github-mocks.ts";
import { recordingLog } from "../../helpers/recording-log.ts";
import { silentLog } from "../../helpers/probot.ts";

const client = octokitPlatform(new Octokit({ auth: "token", log: silentLog }));
const target = { owner: "Codertocat", repo: "Hello-World", pull: 2 };
const TASK = 7;
const FOLLOW_UP = 3;

const note = (id: number, path: string): ReviewNote => ({ id, path, line: 1, diffHunk: "@@", body: `c${id}`, author: "mona" });
const feedback: ReviewFeedback = { pull: 2, part: 1, branch: "agent/issue-1/part-1", reviews: [], comments: [note(11, "src/a.ts"), note(12, "src/b.ts")], threads: [] };
const commit = (part: number, sha: string, paths: string[]) => ({ part, sha, url: `https://github.com/Codertocat/Hello-World/commit/${sha}`, paths });
const changed = (summary: string, commits = [commit(1, "abcdef1234567890", ["src/a.ts"])]): ReviewOutcome => ({ kind: "changed", summary, commits });

type Listed = { id: number; body: string; in_reply_to_id?: number; user: { login: string; type: string } };

/** The pull request's comments as listed, and the replies Ferry posts to each thread root (root → body). */
function github(listed: Listed[] = [], options: { roots?: number[]; refuse?: number[] } = {}): { scope: nock.Scope; replies: Map<number, string> } {
  const replies = new Map<number, string>();
  const scope = githubApi();
  scope.get(`${repoPath}/pulls/2/comments`).query({ per_page: "100", page: "1" }).reply(200, listed);
  for (const root of options.roots ?? [11, 12]) {
    const interceptor = scope.post(`${repoPath}/pulls/2/comments/${root}/replies`, (body: { body: string }) => {
      replies.set(root, body.body);
      return true;
    });
    if (options.refuse?.includes(root)) interceptor.reply(422, { message: "Validation Failed" });
    else interceptor.reply(201, { id: 1000 + root });
  }
  return { scope, replies };
}

const reply = (outcome: ReviewOutcome, log: Log = silentLog) => replyToReview(client, target, TASK, feedback, outcome, { followUpId: FOLLOW_UP, log, account: testAccountOf });

describe("replies in the review threads after a follow-up run", () => {
  test("a changed file's thread gets the commit, short sha linked, with the agent's line", async () => {
    const { replies } = github();

    await reply(changed("Done.\n#11: renamed `x` to `count`\n#12: the test already covers it"));

    expect(replies.get(11)).toContain("Changed in [`abcdef1`](https://github.com/Codertocat/Hello-World/commit/abcdef1234567890) (part 1): renamed `x` to `count`");
  });

  test("an unchanged file's thread says why, in the agent's words, and lists the run's commits", async () => {
    const { replies } = github();

    await reply(changed("#11: renamed\n#12: the test already covers it"));

    expect(replies.get(12)).toMatch(/^No change to `src\/b\.ts`: the test already covers it\n\nThis run's commits: \[`abcdef1`\]/);
  });

  test("a thread the agent wrote no line for says so", async () => {
    const { replies } = github();

    await reply(changed("Done."));

    expect(replies.get(11)).toContain("`src/a.ts` changed in [`abcdef1`]");
    expect(replies.get(11)).toContain("the agent left no note on this comment");
    expect(replies.get(12)).toContain("`src/b.ts` did not change, and the agent left no note on this comment.");
  });

  test("when the run delivered nothing, every thread says why: the agent's line if any, else the reason", async () => {
    const { replies } = github();

    await reply({ kind: "unchanged", reason: "the run made no change to the code. Nothing was needed.\n#11: it is intended" });

    expect(replies.get(11)).toMatch(/^Nothing changed: it is intended\n/);
    expect(replies.get(12)).toMatch(/^Nothing changed: the run made no change to the code\. Nothing was needed\. `#11`: it is intended\n/);
  });

  test("the commit of the reviewed part is named when several parts changed the file", async () => {
    const { replies } = github();

    await reply(changed("#11: moved", [commit(2, "2222222aaaa", ["src/a.ts"]), commit(1, "1111111bbbb", ["src/a.ts"])]));

    expect(replies.get(11)).toContain("[`1111111`]");
  });

  test("a reply to a comment that itself replies in a thread goes to the thread's first comment", async () => {
    const { replies } = github([{ id: 12, body: "c12", in_reply_to_id: 5, user: { login: "mona", type: "User" } }], { roots: [11, 5] });

    await reply(changed("#12: done"));

    expect([...replies.keys()].sort()).toEqual([11, 5]);
  });

  test("each reply carries its marker, and a second call replies to nothing already answered", async () => {
    const first = github();
    await reply(changed("#11: a\n#12: b"));
    const posted = [...first.replies.entries()].map(([root, body]) => ({ id: 2000 + root, body, in_reply_to_id: root, user: FERRY_BOT }));
    expect(posted.map((each) => each.body)).toEqual([
      expect.stringContaining("<!-- ferry:task=7 review-reply follow-up=3 comment=11 -->"),
      expect.stringContaining("<!-- ferry:task=7 review-reply follow-up=3 comment=12 -->"),
    ]);
    const scope = githubApi().get(`${repoPath}/pulls/2/comments`).query(true).reply(200, posted);

    const report = await reply(changed("#11: a\n#12: b"));

    expect(report).toEqual({ replied: [], alreadyReplied: [11, 12], failed: [] });
    expect(scope.isDone()).toBe(true);
  });

  test("a marker pasted by a person does not stop Ferry's reply", async () => {
    const pasted = { id: 40, body: "<!-- ferry:task=7 review-reply follow-up=3 comment=11 -->", user: { login: "mona", type: "User" } };
    const { replies } = github([pasted]);

    await reply(changed("#11: a\n#12: b"));

    expect(replies.has(11)).toBe(true);
  });

  test("another App's bot pasting the marker does not stop Ferry's reply", async () => {
    const pasted = { id: 41, body: "<!-- ferry:task=7 review-reply follow-up=3 comment=11 -->", user: { login: "other-app[bot]", type: "Bot" } };
    const { replies } = github([pasted]);

    await reply(changed("#11: a\n#12: b"));

    expect(replies.has(11)).toBe(true);
  });

  test("a reply GitHub refuses is logged and the other threads still get theirs", async () => {
    const { replies } = github([], { refuse: [11] });
    const log = recordingLog();

    const report = await reply(changed("#11: a\n#12: b"), log);

    expect(report).toEqual({ replied: [12], alreadyReplied: [], failed: [11] });
    expect([...replies.keys()]).toEqual([11, 12]);
    expect(log.lines).toEqual([expect.objectContaining({ level: "warn", fields: expect.objectContaining({ comment: 11 }) })]);
  });

  test("the agent's words are defused and cut: no live mentions or closing references, no hidden markup", async () => {
    const { replies } = github();
    const line = `fixes #3 for @mona <!-- ferry:task=7 review-reply follow-up=3 comment=12 --> ${"x".repeat(2000)}`;

    await reply(changed(`#11: ${line}`));

    const body = replies.get(11) ?? "";
    expect(body).toContain("fixes `#3` for `@mona`");
    expect(body).not.toContain("comment=12");
    expect(body.length).toBeLessThan(900);
  });
});
