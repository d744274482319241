import { describe, expect, test } from "@jest/globals";
import type { CommandRules } from "../../src/policy/command-policy.ts";
import { checkCommand } from "../../src/policy/command-policy.ts";

const defaults: CommandRules = { deny: ["sudo *", "git push*", "npm publish*"], approve: ["npm install *"] };

function verdictOf(command: string, rules: CommandRules = defaults): string {
  return checkCommand(command, rules).verdict;
}

describe("a compound command is denied when one of its parts matches", () => {
  test.each([
    ["a list with ;", "npm test; git push"],
    ["an && chain", "npm test && git push origin main"],
    ["an || chain", "npm test || git push"],
    ["a pipeline", "echo y | git push"],
    ["a background job", "git push & wait"],
    ["a subshell", "(cd lib && git push)"],
    ["a brace group", "{ npm test; git push; }"],
    ["a command substitution", "echo $(git push)"],
    ["a command substitution inside double quotes", 'echo "result: $(git push)"'],
    ["backticks", "echo `git push`"],
    ["a process substitution", "diff <(git push) out.txt"],
    ["an assignment's substitution", "OUT=$(git push)"],
    ["an if condition", "if git push; then echo ok; fi"],
    ["an if body", "if true; then git push; fi"],
    ["an else body", "if false; then :; else git push; fi"],
    ["a while body", "while true; do git push; done"],
    ["a for body", "for remote in a b; do git push $remote; done"],
    ["a case arm", "case $1 in go) git push;; esac"],
    ["a function body", "ship() { git push; }; ship"],
    ["a negated command", "! git push"],
    ["a second line", "npm test\ngit push"],
    ["a substitution in a heredoc", "cat <<EOF\n$(git push)\nEOF"],
    ["an arithmetic substitution", "(( $(git push) ))"],
    ["a test clause", "[[ -n $(git push) ]]"],
  ])("%s: %s", (_kind, command) => {
    expect(checkCommand(command, defaults)).toMatchObject({ verdict: "deny", pattern: "git push*" });
  });
});

describe("wrappers run the command they wrap, which is checked too", () => {
  test.each([
    ["bash -c", "bash -c 'npm test && git push'"],
    ["sh -c with double quotes", 'sh -c "git push origin HEAD"'],
    ["a clustered -ec option", "bash -ec 'git push'"],
    ["a shell -c inside a shell -c", `bash -c "sh -c 'git push'"`],
    ["env with assignments", "env CI=1 HOME=/tmp git push"],
    ["env with options", "env -i -u HOME git push"],
    ["xargs", "echo origin | xargs git push"],
    ["xargs with options", "ls | xargs -n 1 -I {} git push {}"],
    ["nohup", "nohup git push &"],
    ["timeout", "timeout 30 git push"],
    ["timeout with a signal", "timeout -s KILL 30s git push"],
    ["nice", "nice -n 10 git push"],
    ["command", "command git push"],
    ["exec", "exec git push"],
    ["the time keyword", "time git push"],
    ["the time program", "/usr/bin/time -v git push"],
    ["eval", 'eval "git push"'],
    ["find -exec", "find . -name '*.ts' -exec git push \\;"],
    ["nested wrappers", "nohup timeout 5 env A=1 nice git push"],
  ])("%s: %s", (_kind, command) => {
    expect(checkCommand(command, defaults)).toMatchObject({ verdict: "deny", pattern: "git push*", part: expect.stringMatching(/^git push/) });
  });
});

test("where the config allows sudo, what sudo runs is still checked", () => {
  expect(checkCommand("sudo -u deploy git push", { deny: ["git push*"], approve: [] })).toMatchObject({ verdict: "deny", part: "git push" });
});

test("a leading assignment is not part of the command", () => {
  expect(checkCommand("GIT_TRACE=1 git push", defaults)).toMatchObject({ verdict: "deny", part: "git push" });
});

test("a program given by absolute path matches by its basename", () => {
  expect(checkCommand("/usr/bin/sudo rm -rf /", defaults)).toMatchObject({ verdict: "deny", pattern: "sudo *", part: "sudo rm -rf /" });
});

test("quotes and backslashes around a program's name do not hide it", () => {
  expect(verdictOf(`"git" 'push'`)).toBe("deny");
  expect(verdictOf("g'i't push")).toBe("deny");
  expect(verdictOf("\\git push")).toBe("deny");
});

test("the reason names the part and the pattern, for the model to read", () => {
  expect(checkCommand("npm test && git push origin main", defaults)).toEqual({
    verdict: "deny",
    pattern: "git push*",
    part: "git push origin main",
    reason: '"git push origin main" is not allowed here (matches "git push*"); Ferry pushes your work itself.',
  });
});

test("a command matched by an approve pattern needs approval", () => {
  expect(checkCommand("npm install lodash", defaults)).toMatchObject({
    verdict: "approve",
    pattern: "npm install *",
    part: "npm install lodash",
    reason: expect.stringContaining('"npm install lodash" needs a maintainer\'s approval'),
  });
});

test("deny wins over approve, whatever the order of the parts", () => {
  expect(checkCommand("npm install lodash && git push", defaults)).toMatchObject({ verdict: "deny", pattern: "git push*" });
});

test("the first matching pattern in the list is the one reported", () => {
  const rules = { deny: ["git push --force*", "git push*"], approve: [] };
  expect(checkCommand("git push --force", rules)).toMatchObject({ pattern: "git push --force*" });
});

test("a command that does not parse is denied, saying so", () => {
  expect(checkCommand("echo 'unterminated", defaults)).toEqual({
    verdict: "deny",
    pattern: "",
    part: "echo 'unterminated",
    reason: "This command is not valid shell (1:6: reached EOF without closing quote '), so bash would not run it either; fix the syntax and send it again.",
  });
});

test("a nested script that does not parse is denied too", () => {
  expect(checkCommand(`bash -c "echo 'oops"`, defaults)).toMatchObject({ verdict: "deny", reason: expect.stringContaining("the script given to bash") });
});

test.each([
  ["the test command", "npm test"],
  ["a search for a denied word", 'grep -r "sudo" src'],
  ["a quoted string that reads like a command", 'echo "git push"'],
  ["a denied word as an argument", "git log --grep push"],
  ["a commit", "git add -A && git commit -m 'fix: push the button'"],
  ["a comment", "npm test # then git push"],
  ["a quoted heredoc, which is text", "cat <<'EOF'\n$(git push)\nEOF"],
  ["a script file run by bash", "bash scripts/build.sh"],
  ["a wrapper with nothing to run", "exec >log.txt 2>&1"],
  ["a program named like an object property", "constructor --help"],
])("harmless commands are allowed: %s", (_kind, command) => {
  expect(checkCommand(command, defaults)).toEqual({ verdict: "allow" });
});

test("no rules allow everything", () => {
  expect(checkCommand("sudo git push", { deny: [], approve: [] })).toEqual({ verdict: "allow" });
});

describe("git's options before the subcommand do not hide it", () => {
  test.each([
    ["-C", "git -C . push"],
    ["-c", "git -c a=b push origin main"],
    ["-c joined", "git -ccore.pager=cat push"],
    ["--git-dir=", "git --git-dir=.git push"],
    ["--git-dir and a separate value", "git --git-dir .git --work-tree . push"],
    ["flags", "git --no-pager -P --bare push"],
    ["a path to git", "/usr/bin/git -C /workspace push"],
    ["under a wrapper", "env A=1 git -C . push"],
  ])("%s: %s", (_name, command) => {
    expect(checkCommand(command, defaults)).toMatchObject({ verdict: "deny", pattern: "git push*", part: expect.stringMatching(/^git push/) });
  });

  test("a -c alias that runs a shell command is checked as that command", () => {
    expect(checkCommand("git -c alias.ship='!git push' ship", defaults)).toMatchObject({ verdict: "deny", part: "git push" });
  });

  test("other git commands with global options stay allowed", () => {
    expect(checkCommand("git -C lib status && git -c color.ui=never log -1", defaults)).toEqual({ verdict: "allow" });
  });
});

describe("scripts fed to a shell are checked", () => {
  test.each([
    ["ANSI-C quoting of the program", "$'git' push"],
    ["ANSI-C escapes", String.raw`$'git' $'push'`],
    ["$\"…\" quoting", '$"git" push'],
    ["a here-string", "bash <<< 'git push'"],
    ["a heredoc", "sh <<EOF\ngit push\nEOF"],
    ["a heredoc piped from cat", "cat <<EOF | bash\ngit push\nEOF"],
    ["echo piped in", "echo 'git push' | sh"],
    ["printf piped in", "printf 'git push' | bash -s"],
    ["sh -s with a here-string", "sh -s -- arg <<< 'git push'"],
    ["source of a process substitution", "source <(echo git push)"],
    ["the . builtin", ". <(printf 'git push')"],
    ["bash reading a process substitution", "bash <(echo git push)"],
    ["a command built from a substitution", "$(echo git) push"],
    ["eval of a substitution", 'eval "$(echo git push)"'],
    ["a nested shell under a wrapper", "nohup bash <<< 'git push'"],
  ])("%s: %s", (_name, command) => {
    expect(checkCommand(command, defaults)).toMatchObject({ verdict: "deny", pattern: "git push*" });
  });

  test("a shell reading a script it cannot see stays allowed (the sandbox is the boundary)", () => {
    expect(checkCommand("base64 -d payload.txt | bash", defaults)).toEqual({ verdict: "allow" });
  });
});

describe("interpreters running a denied program", () => {
  test.each([
    ["python3 -c with os.system", `python3 -c "import os; os.system('git push')"`],
    ["python with subprocess and a list", `python -c "import subprocess; subprocess.run(['git', 'push', 'origin'])"`],
    ["node -e with execSync", `node -e "require('child_process').execSync('git push')"`],
    ["node -e with spawn and an argument list", `node -e "require('child_process').spawnSync('git', ['push'])"`],
    ["perl -e with system", `perl -e 'system("git push")'`],
    ["ruby -e with backticks", "ruby -e '`git push`'"],
  ])("%s", (_name, command) => {
    expect(checkCommand(command, defaults)).toMatchObject({ verdict: "deny", pattern: "git push*" });
  });

  test("code whose strings are not shell is no error", () => {
    expect(checkCommand(String.raw`python3 -c "print(\"it's fine\")"`, defaults)).toEqual({ verdict: "allow" });
  });

  test("ordinary code stays allowed", () => {
    expect(checkCommand(`node -e "console.log(require('./package.json').version)"`, defaults)).toEqual({ verdict: "allow" });
  });
});

describe("package installs under other names need the approval npm install needs", () => {
  test.each([
    ["npm i", "npm i lodash"],
    ["npm add", "npm add lodash"],
    ["npm isntall (npm's own alias)", "npm isntall lodash"],
    ["a bare npm install", "npm install"],
    ["npm ci", "npm ci"],
    ["yarn add", "yarn add lodash"],
    ["a bare yarn", "yarn"],
    ["pnpm install", "pnpm install"],
    ["pnpm add", "pnpm add -D vitest"],
    ["bun add", "bun add zod"],
  ])("%s", (_name, command) => {
    expect(checkCommand(command, defaults)).toMatchObject({ verdict: "approve", pattern: "npm install *" });
  });

  test("other npm commands stay allowed", () => {
    expect(checkCommand("npm test && npm run build && yarn test", defaults)).toEqual({ verdict: "allow" });
  });
});

test("a command over 64 KiB is refused unread, saying why", () => {
  const command = `echo ${"a".repeat(70 * 1024)}`;
  expect(checkCommand(command, defaults)).toMatchObject({ verdict: "deny", reason: expect.stringContaining("over the 64 KiB Ferry checks") });
});

test("scripts nested too deep are refused", () => {
  const command = `${"eval ".repeat(20)}git status`;
  expect(checkCommand(command, defaults)).toMatchObject({ verdict: "deny", reason: expect.stringContaining("nested more than") });
});
