import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { ListedIssueShape } from "../../src/github/rest-shapes.ts";
import { agentPullsOf } from "../../src/sweep/agent-pulls.ts";
import { issuesToApprove } from "../../src/sweep/plan-sweep.ts";
import { listedIssue } from "./support/github-data.ts";
import { NAME, NOW, OWNER, sweepDeps } from "./support/sweep-fixture.ts";

// Who approved an issue costs GitHub requests per issue (its label events): a sweep asks only
// about issues that no other rule passes over (mutation testing found this unpinned).
let deps: ReturnType<typeof sweepDeps>;
beforeEach(async () => {
  deps = sweepDeps();
});
afterEach(async () => await deps.store.close());

test("a sweep asks who approved only the issues no other rule passes over", async () => {
  const issues = [listedIssue(1), listedIssue(2, { locked: true }), listedIssue(3)].map((issue) => ListedIssueShape.parse(issue).issue);
  const toApprove = await issuesToApprove(deps.store, { owner: OWNER, repo: NAME, issues, pulls: agentPullsOf([], { owner: OWNER, repo: NAME }), spentUsd: 0, now: NOW });
  expect(toApprove.map((issue) => issue.number)).toEqual([1, 3]);
});
