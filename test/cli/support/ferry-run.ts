import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { execa } from "execa";

export const MAIN = resolve("src/cli/main.ts");
export const EXAMPLES = resolve("examples");

const GIT_ENV = { GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", GIT_AUTHOR_NAME: "You", GIT_AUTHOR_EMAIL: "you@example.com", GIT_COMMITTER_NAME: "You", GIT_COMMITTER_EMAIL: "you@example.com" };

/** git in a repository as its user runs it, with no config of the machine running the tests. */
export async function git(repo: string, args: string[]): Promise<string> {
  const { stdout } = await execa("git", ["-C", repo, ...args], { env: GIT_ENV });
  return stdout.trim();
}

/** A fresh directory holding `calc/`: the example project, committed on `main` as a user would. */
export async function exampleRepo(): Promise<{ root: string; repo: string }> {
  const root = await mkdtemp(join(tmpdir(), "ferry-cli-"));
  const repo = join(root, "calc");
  await cp(join(EXAMPLES, "calc"), repo, { recursive: true });
  await git(root, ["init", "--quiet", "--initial-branch=main", repo]);
  await git(repo, ["add", "--all"]);
  await git(repo, ["commit", "--quiet", "--message", "A calculator with a bug"]);
  return { root, repo };
}

export type RunOptions = { env?: Record<string, string>; cwd?: string; input?: string };

/**
 * `ferry run` as a user types it, from `root` (so no `.env` of this checkout is read), with
 * nothing of the test's environment but PATH, HOME (=`root`) and what `env` adds.
 */
export function ferryRun(root: string, args: string[], options: RunOptions = {}) {
  const env = { PATH: process.env.PATH ?? "", HOME: root, ...options.env };
  return execa(process.execPath, [MAIN, "run", ...args], { env, extendEnv: false, reject: false, input: options.input, cwd: options.cwd ?? root });
}

/** The example's issue and script, on the local sandbox. */
export const exampleArgs = (repo: string): string[] => [
  "--repo",
  repo,
  "--issue",
  join(EXAMPLES, "issue.md"),
  "--model-script",
  join(EXAMPLES, "model-script.json"),
  "--sandbox",
  "local",
];
