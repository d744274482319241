import { expect, test } from "@jest/globals";
import { ListedIssueShape } from "../../src/github/rest-shapes.ts";
import { sweepApprovals } from "../../src/sweep/sweep-approvals.ts";
import { githubApi } from "../helpers/github-api.ts";
import { listedIssue, type IssueOverrides } from "./support/github-data.ts";
import { labeledEvent } from "./support/sweep-mocks.ts";
import { NAME, OWNER, REPO_PATH, testClient } from "./support/sweep-fixture.ts";

const where = { owner: OWNER, repo: NAME };
const LABELS = ["agent-backlog"];
const PAGE = { per_page: "100", page: "1" };

function permission(login: string, role: "admin" | "maintain" | "write" | "triage" | "read") {
  const permission = role === "maintain" ? "write" : role === "triage" ? "read" : role;
  githubApi().get(`${REPO_PATH}/collaborators/${login}/permission`).reply(200, { permission, role_name: role, user: { login } });
}
const events = (number: number, list: object[]) => githubApi().get(`${REPO_PATH}/issues/${number}/events`).query(PAGE).reply(200, list);
const approvalOf = async (overrides: IssueOverrides = {}, number = 3) =>
  (await sweepApprovals(testClient(), where, [ListedIssueShape.parse(listedIssue(number, overrides)).issue], LABELS)).get(number);

test.each(["write", "maintain", "admin"] as const)("a label applied by someone with %s permission approves the issue", async (role) => {
  events(3, [labeledEvent("agent-backlog", "alice")]);
  permission("alice", role);
  expect(await approvalOf()).toEqual({ approvedBy: "alice" });
});

test("a label applied by a triager does not, nor does the issue's author without write access", async () => {
  events(3, [labeledEvent("agent-backlog", "trina")]);
  permission("trina", "triage");
  permission("reporter", "read");
  expect(await approvalOf()).toEqual({ approvedBy: undefined });
});

test("a label added by a bot (a workflow, an issue template's automation) is no approval", async () => {
  events(3, [labeledEvent("agent-backlog", "github-actions[bot]", "Bot")]);
  permission("reporter", "read");
  expect(await approvalOf()).toEqual({ approvedBy: undefined });
});

test("a writer's own issue counts, whoever labelled it", async () => {
  events(3, [labeledEvent("agent-backlog", "mallory")]);
  permission("mallory", "read");
  permission("reporter", "write");
  expect(await approvalOf()).toEqual({ approvedBy: "reporter" });
});

test("only the last application of the label counts: a writer's earlier label, removed and re-added by a stranger, is not approval", async () => {
  events(3, [labeledEvent("agent-backlog", "alice"), { ...labeledEvent("agent-backlog", "mallory"), event: "unlabeled" }, labeledEvent("agent-backlog", "mallory")]);
  permission("mallory", "read");
  permission("reporter", "read");
  expect(await approvalOf()).toEqual({ approvedBy: undefined });
});

test("another label's events do not count, and label names are compared without case", async () => {
  events(3, [labeledEvent("bug", "alice"), labeledEvent("Agent-Backlog", "bob")]);
  permission("bob", "write");
  expect(await approvalOf()).toEqual({ approvedBy: "bob" });
});

test("a person's permission is asked once per sweep", async () => {
  events(3, [labeledEvent("agent-backlog", "alice")]);
  events(4, [labeledEvent("agent-backlog", "alice")]);
  permission("alice", "write");
  const issues = [3, 4].map((number) => ListedIssueShape.parse(listedIssue(number)).issue);
  const approvals = await sweepApprovals(testClient(), where, issues, LABELS);
  expect([...approvals.values()]).toEqual([{ approvedBy: "alice" }, { approvedBy: "alice" }]);
});
