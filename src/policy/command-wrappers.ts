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
  /** `NAME=value` words before the command (`env A=1 …`): any word holding `=` after a name, as env and sudo read them (`env 1A=1 git push` runs git). */
  assignments?: boolean;
  /** A lone `-` is an option, not the command: `env - git push` is `env -i git push`. */
  dashIsOption?: boolean;
};

// A Map, not an object: a program called `constructor` must not find a prototype property.
const WRAPPERS = new Map<string, Wrapper>(
  Object.entries({
    env: { valued: ["-u", "--unset", "-C", "--chdir"], assignments: true, dashIsOption: true },
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
    sudo: { valued: ["-u", "--user", "-g", "--group", "-C", "--close-from", "-D", "--chdir", "-h", "--host", "-p", "--prompt", "-r", "--role", "-t", "--type", "-U", "--other-user", "-T", "--command-timeout"], assignments: true },
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
  const start = commandStart(args, wrapper);
  const split = name === "env" ? envSplitString(args, start) : undefined;
  if (split !== undefined) return asScript(split);
  const rest = args.slice(start);
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
    if (wrapper.assignments && /^[^=]+=/.test(word)) index += 1;
    else if (word.startsWith("-") && (word !== "-" || wrapper.dashIsOption === true)) index += takesValue(wrapper, word) ? 2 : 1;
    else break;
  }
  return index + (wrapper.positionals ?? 0);
}

/** GNU tools take a long option by any unambiguous start of its name: `env --uns HOME` is `env --unset HOME`. */
function takesValue(wrapper: Wrapper, word: string): boolean {
  return wrapper.valued.some((option) => option === word || (word.startsWith("--") && word.length > 2 && option.startsWith(word)));
}

/**
 * `env -S 'git push'` (also `-Sgit…`, `-iS…`, `--split-string=…`, `--spl …`) splits its value
 * into the command's words: read as a script with `env` in front, so options inside it count too.
 */
function envSplitString(args: ShellWord[], start: number): string | undefined {
  for (let index = 0; index < start; index++) {
    const split = splitOption(args[index]?.text ?? "");
    if (!split) continue;
    const value = split.joined ? split.value : (args[index + 1]?.unquoted ?? "");
    return ["env", value, ...args.slice(index + (split.joined ? 1 : 2)).map((word) => word.unquoted)].join(" ");
  }
  return undefined;
}

/** env's -S in one word: its value when joined to it, or `joined: false` when the value is the next word. */
function splitOption(text: string): { joined: boolean; value: string } | undefined {
  const short = /^-[i0v]*S([\s\S]*)$/.exec(text);
  if (short) return { joined: short[1] !== "", value: short[1] ?? "" };
  const [name = "", ...value] = text.split("=");
  if (name.length < 3 || !name.startsWith("--") || !"--split-string".startsWith(name)) return undefined;
  return { joined: value.length > 0, value: value.join("=") };
}

function asScript(script: string | undefined): Wrapped[] {
  return script === undefined ? [] : [{ kind: "script", script }];
}
