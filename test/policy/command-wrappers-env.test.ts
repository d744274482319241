import { expect, test } from "@jest/globals";
import { checkCommand } from "../../src/policy/command-policy.ts";

/*
 * Attack: the agent runs a denied command through env in a form env accepts but the policy
 * read as the command itself. Each of these ran `git push` with the deny list saying allow
 * (GNU env 9.1, as in the runner image): `env -` is `env -i`; env sets any `NAME=value` word,
 * whatever the name; `env -S` splits its value into the command's words. sudo takes
 * `VAR=value` words before its command too.
 */

const rules = { deny: ["git push*"], approve: [] };

test.each([
  ["a lone - (an empty environment)", "env - git push"],
  ["a name starting with a digit", "env 1A=1 git push"],
  ["a name with a dot", "env a.b=1 git push"],
  ["sudo with an assignment", "sudo A=1 git push"],
  ["sudo with an option and an assignment", "sudo -u deploy A=1 git push"],
])("%s: %s", (_form, command) => {
  expect(checkCommand(command, rules)).toMatchObject({ verdict: "deny", part: "git push" });
});

test.each([
  ["-S and a separate value", "env -S 'git push'"],
  ["-S with the value joined", "env -S'git push'"],
  ["-S after -i in one cluster", "env -iS'git push'"],
  ["--split-string=", "env --split-string='git push'"],
  ["--split-string and a separate value", "env --split-string 'git push'"],
  ["-S with the rest of the words after it", "env -S'git' push"],
  ["env's own options inside the string", "env -S'-u HOME A=1 git push'"],
])("env -S is read as the words it splits into: %s", (_form, command) => {
  expect(checkCommand(command, rules)).toMatchObject({ verdict: "deny", part: "git push" });
});

test("a word starting with = is no assignment (env refuses it), so env's command is not what follows", () => {
  expect(checkCommand("env =x git push", rules)).toEqual({ verdict: "allow" });
});

test("env -S with harmless words stays allowed", () => {
  expect(checkCommand("env -S 'echo hi' && env -S", rules)).toEqual({ verdict: "allow" });
});

test.each([
  ["env --uns (--unset)", "env --uns HOME git push"],
  ["timeout --sig (--signal)", "timeout --sig KILL 5 git push"],
  ["sudo --us (--user)", "sudo --us deploy git push"],
  ["env --spl= (--split-string=)", "env --spl='git push'"],
  ["env --split (--split-string) and a separate value", "env --split 'git push'"],
])("a long option written by the start of its name, as GNU tools take it: %s", (_form, command) => {
  expect(checkCommand(command, rules)).toMatchObject({ verdict: "deny", part: "git push" });
});
