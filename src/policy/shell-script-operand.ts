import type { ShellWord } from "./shell-word.ts";

const VALUED = new Set(["-o", "+o", "-O", "+O", "--rcfile", "--init-file"]);

/**
 * The script of `bash -c 'script'` or `sh -ec "script"`: the first operand after an option
 * cluster holding `c`. Without `-c` the operand is a script file, which cannot be checked here.
 */
export function shellScriptOperand(args: ShellWord[]): string | undefined {
  let hasScriptOption = false;
  for (let index = 0; index < args.length; index++) {
    const word = args[index]?.text ?? "";
    if (word === "--") continue;
    if (VALUED.has(word)) index += 1;
    else if (/^-[A-Za-z]*c[A-Za-z]*$/.test(word)) hasScriptOption = true;
    else if (!/^[-+]/.test(word)) return hasScriptOption ? args[index]?.unquoted : undefined;
  }
  return undefined;
}
