import { expect, test } from "@jest/globals";
import { ListedIssueShape } from "../../src/github/rest-shapes.ts";
import type { ListedIssue } from "../../src/github/platform.ts";
import { rankIssues } from "../../src/sweep/rank-issues.ts";
import { listedIssue } from "./support/github-data.ts";
import { pickedNumbers, planFor } from "./support/plan.ts";
import { SqliteStore } from "../../src/tasks/sqlite-store.ts";

const issue = (...args: Parameters<typeof listedIssue>) => ListedIssueShape.parse(listedIssue(...args)).issue;
const numbers = (issues: ListedIssue[]) => issues.map((entry) => entry.number);

test("the oldest issue comes first", async () => {
  const ranked = rankIssues([issue(5, { createdAt: "2025-02-01T00:00:00Z" }), issue(9, { createdAt: "2024-11-30T00:00:00Z" })]);
  expect(numbers(ranked)).toEqual([9, 5]);
});

test("age beats 👍: an older issue with none comes before a newer popular one", async () => {
  const ranked = rankIssues([issue(5, { createdAt: "2025-02-01T00:00:00Z", plusOnes: 40 }), issue(9, { createdAt: "2025-01-01T00:00:00Z" })]);
  expect(numbers(ranked)).toEqual([9, 5]);
});

test("issues opened at the same time: more 👍 first", async () => {
  const same = "2025-01-01T00:00:00Z";
  const ranked = rankIssues([issue(5, { createdAt: same, plusOnes: 1 }), issue(9, { createdAt: same, plusOnes: 3 }), issue(7, { createdAt: same })]);
  expect(numbers(ranked)).toEqual([9, 5, 7]);
});

test("a full tie is broken by the lower number", async () => {
  const same = "2025-01-01T00:00:00Z";
  expect(numbers(rankIssues([issue(12, { createdAt: same }), issue(4, { createdAt: same })]))).toEqual([4, 12]);
});

test("a sweep picks in rank order and says why", async () => {
  const store = new SqliteStore({ dataDir: ":memory:" });
  const plan = await planFor(store, [
    listedIssue(8, { createdAt: "2025-01-03T00:00:00Z" }),
    listedIssue(2, { createdAt: "2025-01-01T00:00:00Z", plusOnes: 2 }),
    listedIssue(5, { createdAt: "2025-01-02T00:00:00Z" }),
  ]);
  expect(pickedNumbers(plan)).toEqual([2, 5]);
  expect(plan.picks[0]?.why).toBe("opened 2025-01-01, 2 👍");
  await store.close();
});
