import { createInterface } from "node:readline/promises";
import { userInfo } from "node:os";
import type { ApprovalAnswer, AskAnswer, Pauses } from "../agent/pauses.ts";

export type TerminalPausesOptions = {
  /** `--yes`: every command that needs approval is approved. */
  approveAll: boolean;
  /** Whether someone can answer on the terminal (stdin is a TTY and not the source). */
  interactive: boolean;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
};

/** How `ferry run` answers the agent: from `--yes`, from the person at the terminal, or not at all. */
export function terminalPauses(options: TerminalPausesOptions): Pauses {
  const who = userInfo().username;
  const prompt = async (question: string, signal: AbortSignal): Promise<string> => {
    const lines = createInterface({ input: options.input ?? process.stdin, output: options.output ?? process.stderr });
    try {
      return await lines.question(question, { signal });
    } finally {
      lines.close();
    }
  };
  return {
    async approve({ command, pattern }, signal): Promise<ApprovalAnswer> {
      if (options.approveAll) return { approved: true, by: "--yes" };
      if (!options.interactive) return { approved: false, reason: `\`${command}\` needs approval (it matches "${pattern}") and nobody can approve in a non-interactive run; rerun with --yes to allow it.` };
      const answer = await prompt(`\nThe agent wants to run (matches "${pattern}"):\n  ${command}\nApprove? [y/N] `, signal);
      return /^y(es)?$/i.test(answer.trim()) ? { approved: true, by: who } : { approved: false, reason: `${who} did not approve it.` };
    },
    async ask(question, signal): Promise<AskAnswer> {
      if (!options.interactive) return { answered: false, reason: "Nobody can answer in a non-interactive run: decide yourself and say so in your summary." };
      const answer = (await prompt(`\nThe agent asks:\n  ${question}\nYour answer: `, signal)).trim();
      return answer ? { answered: true, answer, by: who } : { answered: false, reason: `${who} gave no answer.` };
    },
  };
}
