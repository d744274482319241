import type { ShellWord } from "./shell-word.ts";

const EXEC_ACTIONS = new Set(["-exec", "-execdir", "-ok", "-okdir"]);

/** The commands of `find … -exec cmd {} \;` (or `+`), which find runs for the files it finds. */
export function findExecCommands(args: ShellWord[]): ShellWord[][] {
  const commands: ShellWord[][] = [];
  for (let index = 0; index < args.length; index++) {
    if (!EXEC_ACTIONS.has(args[index]?.text ?? "")) continue;
    const end = args.findIndex((word, at) => at > index && (word.text === ";" || word.text === "+"));
    const words = args.slice(index + 1, end === -1 ? args.length : end);
    if (words.length > 0) commands.push(words);
    index = end === -1 ? args.length : end;
  }
  return commands;
}
