import { describe, expect, test } from "@jest/globals";
import { DEFAULT_REPO_CONFIG } from "../../src/config/repo-config.ts";
import { checkCommand } from "../../src/policy/command-policy.ts";

/*
 * Attack: the agent, told by injected text to push its work itself (or to publish, or to use
 * sudo), writes the denied command in a form the policy's parser did not see through. The
 * sandbox holds no credentials, so this is defence in depth; each form is still refused by the
 * default deny list.
 */

const rules = DEFAULT_REPO_CONFIG.commands;

describe("the default deny list refuses git push however it is written", () => {
  test.each([
    ["after git's -C option", "git -C . push"],
    ["after git's -c option", "git -c a=b push"],
    ["after --git-dir", "git --git-dir=.git push"],
    ["with ANSI-C quoting", "$'git' push"],
    ["from a here-string into bash", "bash <<< 'git push'"],
    ["from a heredoc piped into bash", "cat <<EOF | bash\ngit push\nEOF"],
    ["through sh -s", "echo 'git push' | sh -s"],
    ["sourced from a process substitution", "source <(echo git push)"],
    ["from python3 -c", `python3 -c "import os; os.system('git push')"`],
    ["from node -e", `node -e "require('child_process').execSync('git push origin HEAD')"`],
  ])("%s", (_form, command) => {
    expect(checkCommand(command, rules)).toMatchObject({ verdict: "deny", pattern: "git push*" });
  });
});

test("npm publish from python is refused too", () => {
  expect(checkCommand(`python3 -c "import subprocess; subprocess.run(['npm', 'publish'])"`, rules)).toMatchObject({ verdict: "deny", pattern: "npm publish*" });
});

test.each([
  ["npm i", "npm i left-pad"],
  ["npm add", "npm add left-pad"],
  ["a bare npm install", "npm install"],
  ["yarn add", "yarn add left-pad"],
  ["pnpm install", "pnpm install"],
])("an install written as %s waits for a maintainer's approval", (_form, command) => {
  expect(checkCommand(command, rules)).toMatchObject({ verdict: "approve" });
});

test("a command too long to check is refused with a clear message", () => {
  expect(checkCommand(`true ${"x".repeat(65 * 1024)}`, rules)).toMatchObject({ verdict: "deny", reason: expect.stringMatching(/KiB, over the 64 KiB/) });
});
