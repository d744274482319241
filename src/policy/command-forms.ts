import { posix } from "node:path";
import { wrappedCommands } from "./command-wrappers.ts";
import type { ShellWord } from "./shell-word.ts";
import type { SimpleCommand } from "./shell-words.ts";
import { simpleCommands } from "./shell-words.ts";

export type CommandForms = { ok: true; forms: string[] } | { ok: false; error: string };

/** Scripts inside scripts (`bash -c "sh -c '…'"`) deeper than this are refused rather than followed. */
const MAX_DEPTH = 16;

/**
 * Every form of every simple command in `script` that a policy pattern is matched against:
 * the words joined by single spaces, the same with the program's basename (`/usr/bin/sudo rm`
 * is also `sudo rm`), and what each wrapper runs or is the same as (`nohup git push` and
 * `git -C . push` are also `git push`, `bash -c '…'` is its script's commands). In source
 * order, without repeats.
 */
export function commandForms(script: string, depth = 0): CommandForms {
  if (depth > MAX_DEPTH) return { ok: false, error: `scripts nested more than ${MAX_DEPTH} deep` };
  const parsed = simpleCommands(script);
  if (!parsed.ok) return parsed;
  const forms: string[] = [];
  for (const command of parsed.commands) {
    const added = addForms(command, forms, depth);
    if (!added.ok) return added;
  }
  return { ok: true, forms: [...new Set(forms)] };
}

function addForms(command: SimpleCommand, forms: string[], depth: number): { ok: true } | { ok: false; error: string } {
  const [program, ...args] = command.words;
  if (!program) return { ok: true };
  forms.push(joinWords(command.words));
  if (program.literal && program.text.includes("/")) forms.push(joinWords([{ ...program, text: posix.basename(program.text) }, ...args]));
  for (const inner of wrappedCommands(command)) {
    if (inner.kind === "command") {
      const added = addForms(inner.command, forms, depth);
      if (!added.ok) return added;
      continue;
    }
    const nested = commandForms(inner.script, depth + 1);
    if (nested.ok) forms.push(...nested.forms);
    else if (!inner.bestEffort) return { ok: false, error: `the script given to ${program.text}: ${nested.error}` };
  }
  return { ok: true };
}

function joinWords(words: ShellWord[]): string {
  return words.map((word) => word.text).join(" ");
}
