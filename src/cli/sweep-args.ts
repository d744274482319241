import { parseArgs } from "node:util";
import { z } from "zod";
import { errorMessage } from "../error-message.ts";

export const SWEEP_USAGE = `Usage: ferry sweep --now [owner/repo]

Asks the running Ferry server for a sweep pass now: over the named repository, or over
every repository the App is installed on. Only repositories with sweep: in their
.github/agent.yml are swept, with the same rules and caps as a scheduled sweep; a dry-run
repository only updates its "Ferry backlog" issue.

  --now        sweep now (scheduled sweeps run inside the server on their own)
  -h, --help   this help

Environment:
  WEBHOOK_SECRET   the server's webhook secret, which signs the request (required)
  FERRY_URL        the server's address (default: http://localhost:$PORT, PORT defaulting to 3000)`;

const Repo = z.string().regex(/^[\w.-]+\/[\w.-]+$/, { error: (issue) => `expected owner/repo, got "${String(issue.input)}"` });

export type SweepArgs = { help: boolean; repo: string | undefined };

export type ParsedSweepArgs = { ok: true; args: SweepArgs } | { ok: false; problem: string };

/** `ferry sweep`'s flags and optional repository, checked; a problem is one line for the terminal. */
export function parseSweepArgs(argv: string[]): ParsedSweepArgs {
  let parsed: { values: { now?: boolean; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { now: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    return { ok: false, problem: errorMessage(error) };
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { ok: true, args: { help: true, repo: undefined } };
  if (values.now !== true) return { ok: false, problem: "--now is required (scheduled sweeps run inside the server)" };
  if (positionals.length > 1) return { ok: false, problem: `expected at most one repository, got ${positionals.length}` };
  const [target] = positionals;
  if (target === undefined) return { ok: true, args: { help: false, repo: undefined } };
  const repo = Repo.safeParse(target);
  if (!repo.success) return { ok: false, problem: repo.error.issues.map((issue) => issue.message).join("; ") };
  return { ok: true, args: { help: false, repo: repo.data } };
}
