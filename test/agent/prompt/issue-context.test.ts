import { expect, test } from "@jest/globals";
import { IssueContext } from "../../../src/agent/prompt/issue-context.ts";

test("accepts an issue with comments marked by their authors' write access", () => {
  const issue = { number: 7, title: "Crash", body: "", comments: [{ author: "alice", body: "Same here.", writer: true }] };
  expect(IssueContext.parse(issue)).toEqual(issue);
});

test("rejects a comment that does not say whether its author is a writer", () => {
  const result = IssueContext.safeParse({ number: 7, title: "Crash", body: "", comments: [{ author: "alice", body: "Same here." }] });
  expect(result.success).toBe(false);
  expect(result.error?.issues[0]?.path).toEqual(["comments", 0, "writer"]);
});
