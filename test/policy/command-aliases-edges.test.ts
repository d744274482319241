import { describe, expect, test } from "@jest/globals";
import { checkCommand } from "../../src/policy/command-policy.ts";

/*
 * Each other name a denied or approval-gated program goes by, one row each: a row lost from
 * the tables (an install verb, an interpreter's code option, a git option's value, a find
 * action) is a way past `commands.deny` / `commands.approve`.
 */

const rules = { deny: ["git push*"], approve: ["npm install *"] };

describe("every install verb is npm install", () => {
  const verbs: [string, string[]][] = [
    ["npm", ["i", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal", "isntall", "add", "ci", "clean-install", "install-clean", "ic", "install-test", "it", "install-ci-test", "cit"]],
    ["yarn", ["add", "install"]],
    ["pnpm", ["add", "install", "i", "install-test", "it"]],
    ["bun", ["add", "a", "install", "i"]],
  ];
  test.each(verbs.flatMap(([manager, names]) => names.map((verb) => `${manager} ${verb} left-pad`)))("%s", (command) => {
    expect(checkCommand(command, rules)).toMatchObject({ verdict: "approve", part: "npm install left-pad" });
  });

  test("a verb that is not literal is not taken for one", () => {
    expect(checkCommand('npm "$VERB" left-pad', rules)).toEqual({ verdict: "allow" });
  });

  test("an npm install written out is matched as it is, once", () => {
    expect(checkCommand("npm install left-pad", rules)).toMatchObject({ verdict: "approve", part: "npm install left-pad" });
  });

  test("only a bare yarn installs: a bare npm, pnpm or bun does not", () => {
    expect(checkCommand("npm; pnpm; bun", rules)).toEqual({ verdict: "allow" });
  });

  test("other yarn and bun commands are no installs", () => {
    expect(checkCommand("yarn test && bun run build && pnpm test", rules)).toEqual({ verdict: "allow" });
  });
});

describe("every interpreter's code option is read", () => {
  test.each([
    ["python", "-c"],
    ["python3.12", "-c"],
    ["node", "-e"],
    ["node", "--eval"],
    ["node", "-p"],
    ["node", "--print"],
    ["nodejs", "-e"],
    ["bun", "-e"],
    ["deno", "eval"],
    ["perl", "-e"],
    ["perl5.36", "-E"],
    ["ruby", "-e"],
    ["ruby3.2", "-e"],
    ["php", "-r"],
    ["php8.2", "-r"],
  ])("%s %s", (program, option) => {
    expect(checkCommand(`${program} ${option} "run('git push')"`, rules)).toMatchObject({ verdict: "deny", part: "git push" });
  });

  test("an interpreter name must match whole: mynode -e is not node", () => {
    expect(checkCommand(`mynode -e "run('git push')" && nodes -e "run('git push')"`, rules)).toEqual({ verdict: "allow" });
  });

  test.each([
    ["triple single quotes", "python3 -c \"run('''git push''')\""],
    ["triple double quotes", `python3 -c 'run("""git push""")'`],
    ["double quotes", `python3 -c 'run("git push")'`],
    ["backquotes", "node -e 'run(`git push`)'"],
    ["literals joined into a list", `python3 -c "run(['echo', 'x']); run(['git', 'push'])"`],
  ])("string literals in %s are read", (_form, command) => {
    expect(checkCommand(command, rules)).toMatchObject({ verdict: "deny", part: expect.stringMatching(/^git push/) });
  });

  test("an option with no code after it is nothing to read", () => {
    expect(checkCommand("python3 -c", rules)).toEqual({ verdict: "allow" });
  });
});

describe("git's valued global options", () => {
  test.each(["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--config-env", "--attr-source", "--super-prefix", "--exec-path", "--list-cmds"])(
    "git %s value push",
    (option) => {
      expect(checkCommand(`git ${option} value push`, rules)).toMatchObject({ verdict: "deny", part: "git push" });
    },
  );

  test("a -c alias given joined (-calias.x=!…) is read as its shell command", () => {
    expect(checkCommand("git '-calias.ship=!git push' ship", rules)).toMatchObject({ verdict: "deny", part: "git push" });
  });

  test("an alias that is not a shell command is not a script", () => {
    expect(checkCommand("git -c alias.ship=push ship", rules)).toEqual({ verdict: "allow" });
  });

  test("-- ends git's options", () => {
    expect(checkCommand("git -- push", rules)).toEqual({ verdict: "allow" });
  });
});

describe("find's actions that run a command", () => {
  test.each(["-exec", "-execdir", "-ok", "-okdir"])("find . %s git push {} +", (action) => {
    expect(checkCommand(`find . ${action} git push {} +`, rules)).toMatchObject({ verdict: "deny", part: "git push {}" });
  });

  test("each action's command ends at its ; and the next action is read too", () => {
    expect(checkCommand(String.raw`find . -exec echo {} \; -exec git push \;`, rules)).toMatchObject({ verdict: "deny", part: "git push" });
  });

  test("an action with no command is nothing", () => {
    expect(checkCommand(String.raw`find . -exec \; -name push`, rules)).toEqual({ verdict: "allow" });
  });
});
