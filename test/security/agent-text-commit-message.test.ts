import { expect, test } from "@jest/globals";
import { partMessage } from "../../src/delivery/stack-change.ts";
import { defusePlainReferences } from "../../src/github/defuse-references.ts";

/*
 * Attack: anyone who can open an issue titles it "Fixes #1". The title becomes the commit
 * message of Ferry's change, and when a maintainer merges it GitHub closes issue #1 (any issue
 * of the repository) and pings whoever the title mentions.
 */

test("'Fixes #1' in an issue title does not appear undefused in a commit message", () => {
  const message = partMessage({ number: 42, title: "Fixes #1 and closes octo/app#2" }, 1, 1);
  expect(message).not.toMatch(/#1\b|#2\b/);
  expect(message).toContain("For #42.");
});

test("a mention in an issue title pings nobody from a commit message", () => {
  expect(partMessage({ number: 42, title: "Crash reported by @octocat" }, 2, 3)).not.toContain("@octocat");
});

test("the defused title still reads the same", () => {
  expect(defusePlainReferences("Fixes #1, see GH-2, thanks @octocat")).toBe("Fixes ＃1, see GH‐2, thanks ＠octocat");
});
