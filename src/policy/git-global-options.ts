import type { ShellWord } from "./shell-word.ts";

/** git's options before the subcommand that take a value (`-C dir`, `--git-dir dir`, or `--git-dir=dir`). */
const VALUED = new Set(["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--config-env", "--attr-source", "--super-prefix", "--exec-path", "--list-cmds"]);
const ALIAS_SHELL = /^alias\.[^=]+=!([\s\S]*)$/;

/**
 * `git -C . -c a=b --git-dir=.git push` runs `git push`: the words without git's own options
 * before the subcommand, or undefined when there are none to drop. Also the shell commands of
 * `-c alias.x='!…'` aliases, which git runs through a shell.
 */
export function withoutGitGlobalOptions(args: ShellWord[]): { args: ShellWord[] | undefined; aliasScripts: string[] } {
  const aliasScripts: string[] = [];
  let index = 0;
  while (index < args.length) {
    const text = args[index]?.text ?? "";
    if (!text.startsWith("-") || text === "--") break;
    const valued = VALUED.has(text);
    const value = valued ? args[index + 1]?.unquoted : text.startsWith("-c") && text.length > 2 ? text.slice(2) : undefined;
    const alias = text === "-c" || text.startsWith("-c") ? ALIAS_SHELL.exec(value ?? "") : null;
    if (alias?.[1] !== undefined) aliasScripts.push(alias[1]);
    index += valued ? 2 : 1;
  }
  return { args: index > 0 ? args.slice(index) : undefined, aliasScripts };
}
