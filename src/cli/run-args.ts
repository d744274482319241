import { parseArgs } from "node:util";
import { z } from "zod";
import { errorMessage } from "../error-message.ts";

export const RUN_USAGE = `Usage: ferry run --repo <path> --issue <file|-> [options]

Runs Ferry's agent on a git repository on this machine, without GitHub, and leaves
the result on a new branch of that repository. Progress goes to stderr, one line a step.

  --repo <path>            the repository (its committed state on --base is used)
  --issue <file|->         the task: a markdown file whose first line is the title, or - for stdin
  --test <command>         the command that decides success (default: test: from .github/agent.yml, else npm test)
  --sandbox docker|local   where commands run (default: FERRY_SANDBOX, else docker)
  --model <name>           the model (default: FERRY_MODEL)
  --model-script <file>    replay a JSON script of model steps instead of calling a model (no key needed)
  --base <branch>          the branch to start from (default: the repository's current branch)
  --branch <name>          the branch to leave the result on (default: ferry/<issue title>-<6 hex>)
  --force                  overwrite --branch if it already exists (without it, an existing branch is refused)
  --data-dir <path>        where mirrors, checkouts and trajectories go
                           (default: FERRY_DATA_DIR, else $XDG_CACHE_HOME/ferry, else ~/.cache/ferry)
  --quiet                  no progress lines, only the report
  --json                   progress and the report as JSON lines on stdout
  --yes                    approve every command that needs approval instead of asking
  -h, --help               this help

A model script is a JSON array with one model reply per step, each a list of tool calls
(shell, read_file, write_file, edit_file, search, run_tests, ask, finish) or a text:
  [{"toolCalls": [{"name": "run_tests", "arguments": {}}]},
   {"toolCalls": [{"name": "edit_file", "arguments": {"path": "src/add.js", "old": "a - b", "new": "a + b"}}]},
   {"toolCalls": [{"name": "finish", "arguments": {"summary": "add() adds."}}]}]
examples/model-script.json fixes examples/calc, with no key and no Docker (examples/README.md):
  ferry run --repo /tmp/calc --issue examples/issue.md --model-script examples/model-script.json --sandbox local

The environment is read from .env in the current directory, as the server reads it.`;

const RunArgs = z.object({
  repo: z.string({ error: "--repo <path> is required" }).min(1),
  issue: z.string({ error: "--issue <file|-> is required" }).min(1),
  test: z.string().trim().min(1, { error: "--test needs a command" }).optional(),
  sandbox: z.enum(["docker", "local"], { error: "--sandbox must be docker or local" }).optional(),
  model: z.string().min(1).optional(),
  "model-script": z.string().min(1).optional(),
  base: z.string().min(1).optional(),
  branch: z.string().min(1).optional(),
  "data-dir": z.string().min(1).optional(),
  force: z.boolean().default(false),
  quiet: z.boolean().default(false),
  json: z.boolean().default(false),
  yes: z.boolean().default(false),
  help: z.boolean().default(false),
});

export type RunArgs = z.infer<typeof RunArgs>;

export type ParsedRunArgs = { ok: true; args: RunArgs } | { ok: false; problem: string };

/** `ferry run`'s flags, checked; a problem is one line for the terminal. */
export function parseRunArgs(argv: string[]): ParsedRunArgs {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        repo: { type: "string" },
        issue: { type: "string" },
        test: { type: "string" },
        sandbox: { type: "string" },
        model: { type: "string" },
        "model-script": { type: "string" },
        base: { type: "string" },
        branch: { type: "string" },
        "data-dir": { type: "string" },
        force: { type: "boolean" },
        quiet: { type: "boolean" },
        json: { type: "boolean" },
        yes: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return { ok: false, problem: errorMessage(error) };
  }
  if (values.help === true) return { ok: true, args: { repo: "", issue: "", force: false, quiet: false, json: false, yes: false, help: true } };
  const result = RunArgs.safeParse(values);
  if (result.success) return { ok: true, args: result.data };
  return { ok: false, problem: result.error.issues.map((issue) => issue.message).join("; ") };
}
