import { beforeEach, expect, test } from "@jest/globals";
import { ensureComment } from "../../src/github/ensure-comment.ts";
import { appAccount } from "../../src/github/ferry-account.ts";
import { marker } from "../../src/github/markers.ts";
import { MemoryPlatform } from "../../src/github/memory-platform.ts";
import type { IssueRef } from "../../src/github/platform.ts";

/** ensureComment against the in-memory GitHub: what is on the issue afterwards, not which requests went out. */
const MARKER = marker(7, "status");
let github: MemoryPlatform;
let issue: IssueRef;
const account = () => appAccount(async () => github);
const bodiesOn = (on: IssueRef) => github.repo(on).comments.map((comment) => [comment.author.login, comment.body]);

beforeEach(() => {
  github = new MemoryPlatform();
  issue = github.addIssue({ owner: "octo", repo: "app" }, { title: "t" });
});

test("the first call posts the comment as Ferry's bot", async () => {
  expect(await ensureComment(github, issue, MARKER, `${MARKER} queued`, account())).toEqual({ id: expect.any(Number), action: "created" });
  expect(bodiesOn(issue)).toEqual([["ferry[bot]", `${MARKER} queued`]]);
});

test("a changed body edits Ferry's comment in place", async () => {
  await ensureComment(github, issue, MARKER, `${MARKER} queued`, account());
  expect((await ensureComment(github, issue, MARKER, `${MARKER} running`, account())).action).toBe("updated");
  expect(bodiesOn(issue)).toEqual([["ferry[bot]", `${MARKER} running`]]);
});

test("the same body writes nothing", async () => {
  await ensureComment(github, issue, MARKER, `${MARKER} queued`, account());
  expect((await ensureComment(github, issue, MARKER, `${MARKER} queued`, account())).action).toBe("unchanged");
  expect(github.repo(issue).comments[0]?.history).toHaveLength(1);
});

test("someone else's comment carrying the marker is left alone and Ferry posts its own", async () => {
  github.addComment(issue, `${MARKER} pasted`, { login: "mallory", type: "User" });
  await ensureComment(github, issue, MARKER, `${MARKER} queued`, account());
  expect(bodiesOn(issue)).toEqual([
    ["mallory", `${MARKER} pasted`],
    ["ferry[bot]", `${MARKER} queued`],
  ]);
});

test("Ferry's comment beyond the first page of comments is still found", async () => {
  for (let n = 0; n < 150; n++) github.addComment(issue, `comment ${n}`);
  await ensureComment(github, issue, MARKER, `${MARKER} queued`, account());
  expect((await ensureComment(github, issue, MARKER, `${MARKER} running`, account())).action).toBe("updated");
  expect(github.repo(issue).comments.filter((comment) => comment.author.login === "ferry[bot]")).toHaveLength(1);
});
