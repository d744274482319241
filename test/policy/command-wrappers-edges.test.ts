import { describe, expect, test } from "@jest/globals";
import { checkCommand } from "../../src/policy/command-policy.ts";

/*
 * Attack: the agent hides a denied command behind a wrapper option that takes a value
 * (`env --unset HOME git push`). Read as a flag, the option's value would be taken for the
 * program (`HOME git push`), and the command behind it would pass unchecked. Each valued option
 * of each wrapper is tried, with a value that is no program.
 */

const rules = { deny: ["git push*"], approve: [] };

const VALUED: Record<string, string[]> = {
  env: ["-u", "--unset", "-C", "--chdir"],
  xargs: ["-a", "--arg-file", "-d", "--delimiter", "-E", "-I", "-L", "-n", "--max-args", "-P", "--max-procs", "-s", "--max-chars"],
  timeout: ["-s", "--signal", "-k", "--kill-after"],
  nice: ["-n", "--adjustment"],
  exec: ["-a"],
  "/usr/bin/time": ["-f", "--format", "-o", "--output"],
  stdbuf: ["-i", "-o", "-e", "--input", "--output", "--error"],
  ionice: ["-c", "--class", "-n", "--classdata", "-p", "--pid", "-P", "--pgid", "-u", "--uid"],
  sudo: ["-u", "--user", "-g", "--group", "-C", "--close-from", "-D", "--chdir", "-h", "--host", "-p", "--prompt", "-r", "--role", "-t", "--type", "-U", "--other-user", "-T", "--command-timeout"],
  doas: ["-u", "-C"],
};

const valuedCases = Object.entries(VALUED).flatMap(([wrapper, options]) =>
  options.map((option) => `${wrapper} ${option} value${wrapper === "timeout" ? " 5" : ""} git push`),
);

test.each(valuedCases)("a wrapper option's value is not the program: %s", (command) => {
  expect(checkCommand(command, rules)).toMatchObject({ verdict: "deny", part: "git push" });
});

test.each(["nohup", "command", "builtin", "setsid", "busybox"])("%s runs the command after it", (wrapper) => {
  expect(checkCommand(`${wrapper} git push`, rules)).toMatchObject({ verdict: "deny", part: "git push" });
});

test.each(["sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "/bin/sh"])("%s -c runs its script", (shell) => {
  expect(checkCommand(`${shell} -c 'git push'`, rules)).toMatchObject({ verdict: "deny", part: "git push" });
});

describe("where a wrapper's own words end", () => {
  test("after --, timeout still takes its duration before the command", () => {
    expect(checkCommand("timeout -- 5 git push", rules)).toMatchObject({ verdict: "deny", part: "git push" });
  });

  test("after --, env runs the next word", () => {
    expect(checkCommand("env -- git push", rules)).toMatchObject({ verdict: "deny", part: "git push" });
  });

  test("an assignment is only skipped by env: nice takes it for the command", () => {
    expect(checkCommand("nice A=1 git push", rules)).toEqual({ verdict: "allow" });
  });
});

test("a wrapped command keeps the standard input it was given", () => {
  expect(checkCommand("nohup bash <<< 'git push'", rules)).toMatchObject({ verdict: "deny", part: "git push" });
});
