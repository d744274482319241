import { posix } from "node:path";
import { wrappedCommands } from "./command-wrappers.ts";
import type { ShellWord } from "./shell-word.ts";
import { simpleCommands } from "./shell-words.ts";

export type CommandForms = { ok: true; forms: string[] } | { ok: false; error: string };

/**
 * Every form of every simple command in `script` that a policy pattern is matched against:
 * the words joined by single spaces, the same with the program's basename (`/usr/bin/sudo rm`
 * is also `sudo rm`), and what each wrapper runs (`nohup git push` is also `git push`,
 * `bash -c '…'` is its script's commands). In source order, without repeats.
 */
export function commandForms(script: string): CommandForms {
  const parsed = simpleCommands(script);
  if (!parsed.ok) return parsed;
  const forms: string[] = [];
  for (const words of parsed.commands) {
    const added = addForms(words, forms);
    if (!added.ok) return added;
  }
  return { ok: true, forms: [...new Set(forms)] };
}

function addForms(words: ShellWord[], forms: string[]): { ok: true } | { ok: false; error: string } {
  const [program, ...args] = words;
  if (!program) return { ok: true };
  forms.push(joinWords(words));
  if (program.literal && program.text.includes("/")) forms.push(joinWords([{ ...program, text: posix.basename(program.text) }, ...args]));
  for (const inner of wrappedCommands(words)) {
    if (inner.kind === "command") {
      const added = addForms(inner.words, forms);
      if (!added.ok) return added;
      continue;
    }
    const nested = commandForms(inner.script);
    if (!nested.ok) return { ok: false, error: `the script given to ${program.text}: ${nested.error}` };
    forms.push(...nested.forms);
  }
  return { ok: true };
}

function joinWords(words: ShellWord[]): string {
  return words.map((word) => word.text).join(" ");
}
