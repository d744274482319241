import { expect, test } from "@jest/globals";
import { DEFAULT_REPO_CONFIG } from "../../src/config/repo-config.ts";
import { parseComment } from "../../src/intake/commands.ts";
import { checkWritePath } from "../../src/policy/path-policy.ts";

/*
 * Attack: a comment that only mentions the command word ("/agentrun", "/agents are great")
 * started or steered work; and a denied path written in other letter cases slipped past
 * `paths.deny` onto a file system (or a reviewer's eye) that does not tell them apart.
 */

test.each([["/agentrun"], ["/agents are great"], ["/agent-run please"], ["/agentstop"]])("%s is not a command", (body) => {
  expect(parseComment(body)).toEqual({ kind: "none" });
});

test.each([
  ["/agent run", "run"],
  ["/agent", "help"],
  ["  /agent stop  ", "stop"],
])("%s still is", (body, verb) => {
  expect(parseComment(body)).toMatchObject({ kind: "command", command: { verb } });
});

test.each([[".GitHub/Workflows/x.yml"], [".GITHUB/WORKFLOWS/ci.yml"], [".github/Workflows/deploy.yaml"]])("%s is denied like .github/workflows", (path) => {
  expect(checkWritePath(path, [".github/workflows/**"])).toMatchObject({ allowed: false, pattern: ".github/workflows/**" });
});

test("the default paths.deny is matched case-insensitively", () => {
  const [pattern] = DEFAULT_REPO_CONFIG.paths.deny;
  expect(pattern).toBeDefined();
  const upper = (pattern ?? "").replace(/\*+/g, "x.yml").toUpperCase();
  expect(checkWritePath(upper, DEFAULT_REPO_CONFIG.paths.deny)).toMatchObject({ allowed: false });
});
