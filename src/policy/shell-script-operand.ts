import type { ShellWord } from "./shell-word.ts";

const VALUED = new Set(["-o", "+o", "-O", "+O", "--rcfile", "--init-file"]);

/** Where a shell takes its script from: `-c 'script'`, a file operand, or its standard input. */
export type ShellScriptSource = { kind: "option"; script: string } | { kind: "file"; word: ShellWord } | { kind: "stdin" };

/**
 * `bash -c 'script'` or `sh -ec "script"`: the first operand after an option cluster holding
 * `c`. Without `-c` the first operand is a script file (`bash build.sh`, `bash <(…)`), and
 * without one (or with `-s`) the shell reads its script from standard input.
 */
export function shellScriptSource(args: ShellWord[]): ShellScriptSource {
  let hasScriptOption = false;
  let readsStdin = false;
  for (let index = 0; index < args.length; index++) {
    const word = args[index];
    const text = word?.text ?? "";
    if (text === "--") continue;
    if (VALUED.has(text)) index += 1;
    else if (/^-[A-Za-z]*c[A-Za-z]*$/.test(text)) hasScriptOption = true;
    else if (/^-[A-Za-z]*s[A-Za-z]*$/.test(text)) readsStdin = true;
    else if (word && !/^[-+]/.test(text)) {
      if (hasScriptOption) return { kind: "option", script: word.unquoted };
      return readsStdin ? { kind: "stdin" } : { kind: "file", word };
    }
  }
  return { kind: "stdin" };
}
