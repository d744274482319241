import { expect, test } from "@jest/globals";
import { leaseBranches } from "../../../src/delivery/publish/branch-leases.ts";

const A = "a".repeat(40);
const B = "b".repeat(40);
const NEW = "c".repeat(40);
const wanted = [{ name: "agent/issue-7/part-1", sha: NEW }];

test("a branch that is not on the remote must still be absent when pushed", async () => {
  expect(await leaseBranches(wanted, new Map(), async () => A)).toEqual({ ok: true, updates: [{ ...wanted[0], expected: null }] });
});

test("a branch whose tip Ferry pushed is leased to that tip", async () => {
  expect(await leaseBranches(wanted, new Map([["agent/issue-7/part-1", A]]), async () => A)).toEqual({ ok: true, updates: [{ ...wanted[0], expected: A }] });
});

test("a branch with someone else's commit on top is refused, naming both commits", async () => {
  const result = await leaseBranches(wanted, new Map([["agent/issue-7/part-1", B]]), async () => A);
  expect(result).toEqual({ ok: false, message: expect.stringContaining("agent/issue-7/part-1 has a commit Ferry did not push (its tip is bbbbbbb; Ferry last pushed aaaaaaa)") });
});

test("a branch Ferry never pushed is refused, even without any commit of Ferry's to compare", async () => {
  const result = await leaseBranches(wanted, new Map([["agent/issue-7/part-1", B]]), async () => undefined);
  expect(result).toEqual({ ok: false, message: expect.stringContaining("agent/issue-7/part-1 already exists (at bbbbbbb) and Ferry did not push it") });
});

test("every refused branch is named, each in its own clause", async () => {
  const both = [wanted[0]!, { name: "agent/issue-7/part-2", sha: NEW }];
  const result = await leaseBranches(both, new Map([["agent/issue-7/part-1", B], ["agent/issue-7/part-2", B]]), async () => undefined);
  expect(result).toEqual({ ok: false, message: expect.stringContaining("Ferry did not push it; agent/issue-7/part-2 already exists") });
});
