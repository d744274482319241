import { parseArgs } from "node:util";
import { z } from "zod";

export const RUN_USAGE = `Usage: ferry run --repo <path> --issue <file|-> [options]

Runs Ferry's agent on a git repository on this machine, without GitHub, and leaves
the result on a branch of that repository.

  --repo <path>            the repository (its committed state on --base is used)
  --issue <file|->         the task: a markdown file whose first line is the title, or - for stdin
  --test <command>         the command that decides success (default: test: from .github/agent.yml, else npm test)
  --sandbox docker|local   where commands run (default: FERRY_SANDBOX, else docker)
  --model <name>           the model (default: FERRY_MODEL)
  --model-script <file>    replay a JSON script of model steps instead of calling a model (demos, tests)
  --base <branch>          the branch to start from (default: the repository's current branch)
  --branch <name>          the branch to leave the result on (default: ferry/<issue title>)
  --data-dir <path>        where mirrors, checkouts and trajectories go (default: FERRY_DATA_DIR, else ./data)
  --yes                    approve every command that needs approval instead of asking
  -h, --help               this help`;

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
        yes: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
  if (values.help === true) return { ok: true, args: { repo: "", issue: "", yes: false, help: true } };
  const result = RunArgs.safeParse(values);
  if (result.success) return { ok: true, args: result.data };
  return { ok: false, problem: result.error.issues.map((issue) => issue.message).join("; ") };
}
