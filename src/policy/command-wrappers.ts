import { posix } from "node:path";
import { findExecCommands } from "./find-exec.ts";
import { withoutGitGlobalOptions } from "./git-global-options.ts";
import { asNpmInstall } from "./install-aliases.ts";
import { interpreterScripts } from "./interpreter-code.ts";
import { shellScriptSource } from "./shell-script-operand.ts";
import type { ShellWord } from "./shell-word.ts";
import type { SimpleCommand } from "./shell-words.ts";

/**
 * What a program runs, or is the same as: more words of a command (which keep the standard
 * input), or a script for a shell to parse. Best-effort scripts (an interpreter's string
 * literals) are only looked at: one that does not parse is no error.
 */
export type Wrapped = { kind: "command"; command: SimpleCommand } | { kind: "script"; script: string; bestEffort?: boolean };

type Wrapper = {
  /** Options that take the next word as their value (`timeout -s KILL …`). */
  valued: string[];
  /** Positional words before the command (`timeout 5 …`). */
  positionals?: number;
  /** `NAME=value` words before the command (`env A=1 …`). */
  assignments?: boolean;
};

// A Map, not an object: a program called `constructor` must not find a prototype property.
const WRAPPERS = new Map<string, Wrapper>(
  Object.entries({
    env: { valued: ["-u", "--unset", "-C", "--chdir"], assignments: true },
    xargs: { valued: ["-a", "--arg-file", "-d", "--delimiter", "-E", "-I", "-L", "-n", "--max-args", "-P", "--max-procs", "-s", "--max-chars"] },
    nohup: { valued: [] },
    timeout: { valued: ["-s", "--signal", "-k", "--kill-after"], positionals: 1 },
    nice: { valued: ["-n", "--adjustment"] },
    command: { valued: [] },
    builtin: { valued: [] },
    exec: { valued: ["-a"] },
    time: { valued: ["-f", "--format", "-o", "--output"] },
    setsid: { valued: [] },
    stdbuf: { valued: ["-i", "-o", "-e", "--input", "--output", "--error"] },
    ionice: { valued: ["-c", "--class", "-n", "--classdata", "-p", "--pid", "-P", "--pgid", "-u", "--uid"] },
    busybox: { valued: [] },
    sudo: { valued: ["-u", "--user", "-g", "--group", "-C", "--close-from", "-D", "--chdir", "-h", "--host", "-p", "--prompt", "-r", "--role", "-t", "--type", "-U", "--other-user", "-T", "--command-timeout"] },
    doas: { valued: ["-u", "-C"] },
  }),
);

const SHELLS = new Set(["sh", "bash", "dash", "zsh", "ksh", "mksh", "ash"]);

/**
 * The commands a program runs: `nohup git push` runs `git push`, `bash -c '…'` a script, as
 * does `bash` reading `<<< 'git push'` or `echo 'git push' |`, and `source <(echo …)`;
 * `git -C . push` is `git push`, `npm i x` is `npm install x`.
 */
export function wrappedCommands({ words, stdin }: SimpleCommand): Wrapped[] {
  const [program, ...args] = words;
  if (!program?.literal) return program?.output === undefined ? [] : asScript([program.output, ...args.map((word) => word.unquoted)].join(" "));
  const name = posix.basename(program.text);
  if (SHELLS.has(name)) return shellScripts(args, stdin);
  if (name === "eval") return asScript(args.length > 0 ? args.map((word) => word.output ?? word.unquoted).join(" ") : undefined);
  if (name === "source" || name === ".") return asScript(args[0]?.output);
  if (name === "find") return findExecCommands(args).map((command) => ({ kind: "command", command: { words: command } }));
  if (name === "git") return gitCommands(args);
  const install = asNpmInstall(name, args);
  if (install) return [{ kind: "command", command: { words: install } }];
  const interpreted = interpreterScripts(name, args);
  if (interpreted.length > 0) return interpreted.map((script) => ({ kind: "script", script, bestEffort: true }));
  const wrapper = WRAPPERS.get(name);
  if (!wrapper) return [];
  const rest = args.slice(commandStart(args, wrapper));
  return rest.length > 0 ? [{ kind: "command", command: stdin === undefined ? { words: rest } : { words: rest, stdin } }] : [];
}

function shellScripts(args: ShellWord[], stdin: string | undefined): Wrapped[] {
  const source = shellScriptSource(args);
  if (source.kind === "option") return asScript(source.script);
  return asScript(source.kind === "file" ? source.word.output : stdin);
}

function gitCommands(args: ShellWord[]): Wrapped[] {
  const { args: rest, aliasScripts } = withoutGitGlobalOptions(args);
  const git: ShellWord = { text: "git", literal: true, unquoted: "git" };
  const commands: Wrapped[] = rest && rest.length > 0 ? [{ kind: "command", command: { words: [git, ...rest] } }] : [];
  return [...commands, ...aliasScripts.map((script): Wrapped => ({ kind: "script", script }))];
}

function commandStart(args: ShellWord[], wrapper: Wrapper): number {
  let index = 0;
  while (index < args.length) {
    const word = args[index]?.text ?? "";
    if (word === "--") return index + 1 + (wrapper.positionals ?? 0);
    if (wrapper.assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) index += 1;
    else if (word.startsWith("-") && word !== "-") index += wrapper.valued.includes(word) ? 2 : 1;
    else break;
  }
  return index + (wrapper.positionals ?? 0);
}

function asScript(script: string | undefined): Wrapped[] {
  return script === undefined ? [] : [{ kind: "script", script }];
}
