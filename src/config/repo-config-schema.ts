import { z } from "zod";
import { DEFAULT_CEILINGS } from "./clamp-limits.ts";
import { cronProblem } from "./cron.ts";

/*
 * The schema of `.github/agent.yml`. Every object is strict so a typo is reported, not
 * ignored; every leaf carries its own "expected …" wording because users read these
 * messages in an issue comment. Descriptions end up in schema/agent.schema.json.
 */

const positiveInteger = () => z.int({ error: "expected a positive integer" }).positive({ error: "expected a positive integer" });
const positiveNumber = () => z.number({ error: "expected a positive number" }).positive({ error: "expected a positive number" });
const boolean = () => z.boolean({ error: "expected true or false" });
const word = (what: string) => z.string({ error: `expected ${what}` }).regex(/^\S+$/, { error: `expected ${what}` });
const command = () => z.string({ error: "expected a shell command" }).trim().min(1, { error: "expected a shell command" });
/** `what` is a singular noun that takes "a": "a file path", "a list of file paths". */
const patterns = (what: string) =>
  z.array(z.string({ error: `expected a ${what}` }).min(1, { error: `expected a ${what}` }), { error: `expected a list of ${what}s` });
const mapping = <Shape extends z.core.$ZodLooseShape>(shape: Shape, example: string) =>
  z.strictObject(shape, { error: `expected a mapping like ${example}` });

const Limits = mapping(
  {
    steps: positiveInteger().default(60).describe(`Most agent steps (model calls) per run; the server caps it (FERRY_MAX_STEPS, ${DEFAULT_CEILINGS.steps} unless set).`),
    minutes: positiveInteger().default(45).describe(`Wall-clock minutes per run; the server caps it (FERRY_MAX_MINUTES, ${DEFAULT_CEILINGS.minutes} unless set).`),
    usd: positiveNumber().default(5).describe(`Most model spend per run, in US dollars; the server caps it (FERRY_MAX_USD, ${DEFAULT_CEILINGS.usd} unless set).`),
    commandSeconds: positiveInteger().default(600).describe(`Timeout of one command in the sandbox (setup included), in seconds; the server caps it (FERRY_MAX_COMMAND_SECONDS, ${DEFAULT_CEILINGS.commandSeconds} unless set).`),
    tokens: positiveInteger().default(4_000_000).describe(`Most model tokens (input and output) per run; the server caps it (FERRY_MAX_TOKENS, ${DEFAULT_CEILINGS.tokens} unless set).`),
    testRetries: z
      .int({ error: "expected a whole number from 0" })
      .min(0, { error: "expected a whole number from 0" })
      .default(3)
      .describe("How often a failing test run is handed back to the agent before the run ends as tests-failing."),
    waitMinutes: positiveInteger()
      .default(60)
      .describe("How long a command waiting for `/agent approve`, or a question asked with `ask`, waits for a writer."),
  },
  "{ steps: 60, minutes: 45 }",
);

const PullRequests = mapping(
  {
    maxLines: positiveInteger().default(300).describe("Most changed lines per pull request; bigger changes are stacked."),
    maxFiles: positiveInteger().default(20).describe("Most changed files per pull request."),
    draft: boolean().default(true).describe("Open pull requests as drafts."),
    verifyEachPart: boolean()
      .default(true)
      .describe("Check every prefix of the stack (parts 1..k) in the sandbox; parts that fail alone are merged with the next."),
    checkCommand: command()
      .optional()
      .describe("The command that checks each prefix of the stack, e.g. a typecheck. Default: the test command."),
  },
  "{ maxLines: 300, draft: true }",
);

const Paths = mapping(
  {
    deny: patterns("glob pattern")
      .default([".github/workflows/**", "**/.env*"])
      .describe("Globs the agent may not write to. Replaces the default list."),
  },
  '{ deny: [".github/workflows/**"] }',
);

const Commands = mapping(
  {
    deny: patterns("command pattern")
      .default(["sudo *", "git push*", "npm publish*"])
      .describe("Command patterns the agent may never run. Replaces the default list."),
    approve: patterns("command pattern")
      .default(["npm install *"])
      .describe("Command patterns that wait for `/agent approve` from a writer. Replaces the default list."),
  },
  '{ deny: ["sudo *"], approve: ["npm install *"] }',
);

const CRON_EXPECTED = 'expected a 5-field cron expression like "0 6 * * 1-5"';

const Sweep = mapping(
  {
    cron: z
      .string({ error: CRON_EXPECTED })
      // croner decides, as the scheduler does; its reason ("From value is larger than to value") goes in the comment.
      .refine((cron) => cronProblem(cron) === undefined, { error: (issue) => `${CRON_EXPECTED} (${cronProblem(String(issue.input))})` })
      .describe("When to sweep, as a 5-field cron expression in UTC (croner's syntax)."),
    labels: patterns("label")
      .min(1, { error: "expected at least one label" })
      .default(["agent-backlog"])
      .describe("Open issues with any of these labels are eligible."),
    maxPerRun: positiveInteger().default(2).describe(`Most issues picked per sweep; the server caps it (FERRY_MAX_SWEEP_PER_RUN, ${DEFAULT_CEILINGS.sweepPerRun} unless set).`),
    maxOpenPRs: positiveInteger().default(5).describe("Most agent pull requests open at once; a sweep starts nothing beyond this."),
    dryRun: boolean().default(false).describe("Report what would be picked without starting tasks."),
    maxUsdPerDay: positiveNumber()
      .default(10)
      .describe(`Most USD the repository's agent runs may cost per UTC day; a sweep starts nothing beyond it. The server caps it (FERRY_MAX_SWEEP_USD_PER_DAY, ${DEFAULT_CEILINGS.sweepUsdPerDay} unless set).`),
  },
  '{ cron: "0 6 * * 1-5" }',
);

export const RepoConfig = mapping(
  {
    label: z
      .string({ error: "expected a label name" })
      .trim()
      .min(1, { error: "expected a label name" })
      .max(50, { error: "expected a label name of at most 50 characters" })
      .default("agent")
      .describe("The issue label that hands an issue to Ferry."),
    base: word("a branch name").optional().describe("Branch to work from and open pull requests against. Default: the repository's default branch."),
    image: word("a container image name").optional().describe("Sandbox container image. Default: the server's FERRY_IMAGE. The server may allow only some (FERRY_ALLOWED_IMAGES)."),
    setup: command().optional().describe("Runs once before the agent, the only step with network access, e.g. `npm ci`."),
    test: command().default("npm test").describe("The command whose tests decide whether the work is done."),
    testReport: z
      .string({ error: "expected a relative glob like reports/**/*.xml" })
      .regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[\w.*?/-]+$/, { error: "expected a relative glob like reports/**/*.xml (letters, digits, . _ - / * ?)" })
      .max(200, { error: "expected a glob of at most 200 characters" })
      .optional()
      .describe("Where the test command writes JUnit XML, e.g. `reports/**/*.xml`. Default: per-test results are read from the runner's output."),
    verify: z
      .enum(["per-test", "exit-code"], { error: "expected per-test or exit-code" })
      .default("per-test")
      .describe(
        "`per-test`: a change is ready when no test that passed on the base fails and at least one test turned green (or the change adds passing tests); tests already failing on the base do not block. `exit-code`: the test command must exit 0.",
      ),
    instructions: z
      .array(
        z
          .string({ error: "expected a file path" })
          .refine(isPathInsideRepo, { error: "expected a relative file path inside the repository" }),
        { error: "expected a list of file paths" },
      )
      .default(["AGENTS.md"])
      .describe("Files in the repository given to the agent as instructions, when present."),
    limits: Limits.prefault({}).describe("Budgets per run, enforced by Ferry."),
    pr: PullRequests.prefault({}).describe("How changes are delivered as pull requests."),
    paths: Paths.prefault({}).describe("Path policy for the agent's writes."),
    commands: Commands.prefault({}).describe("Command policy for the agent's shell."),
    sweep: Sweep.optional().describe("Scheduled pickup of backlog issues. Absent: no sweep."),
  },
  "{ label: agent }",
);

export type RepoConfig = z.output<typeof RepoConfig>;

/** Instruction files are read by the host, so a path must not climb out of the checkout. */
function isPathInsideRepo(path: string): boolean {
  const segments = path.split(/[\\/]/);
  return path.length > 0 && !path.startsWith("/") && !/^[a-z]:/i.test(path) && !segments.includes("..");
}

export const DEFAULT_REPO_CONFIG: RepoConfig = deepFreeze(RepoConfig.parse({}));

/** The shared defaults must not be changed by one caller under another's feet. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
