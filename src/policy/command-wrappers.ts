import { posix } from "node:path";
import { findExecCommands } from "./find-exec.ts";
import { shellScriptOperand } from "./shell-script-operand.ts";
import type { ShellWord } from "./shell-word.ts";

/** What a wrapper program runs: more words of a command, or a script for a shell to parse. */
export type Wrapped = { kind: "command"; words: ShellWord[] } | { kind: "script"; script: string };

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

/** The commands a wrapper runs: `nohup git push` runs `git push`, `bash -c '…'` runs a script. */
export function wrappedCommands(words: ShellWord[]): Wrapped[] {
  const [program, ...args] = words;
  if (!program?.literal) return [];
  const name = posix.basename(program.text);
  if (SHELLS.has(name)) return asScript(shellScriptOperand(args));
  if (name === "eval") return asScript(args.length > 0 ? args.map((word) => word.unquoted).join(" ") : undefined);
  if (name === "find") return findExecCommands(args).map((command) => ({ kind: "command", words: command }));
  const wrapper = WRAPPERS.get(name);
  if (!wrapper) return [];
  const rest = args.slice(commandStart(args, wrapper));
  return rest.length > 0 ? [{ kind: "command", words: rest }] : [];
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
