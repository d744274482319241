import { resolve, basename } from "node:path";
import { pathToFileURL } from "node:url";
import { execa } from "execa";

export type LocalRepo = { path: string; cloneUrl: string; name: string; currentBranch: string | undefined };

/** The repository `--repo` names: it must be a git repository; its current branch is the default base. */
export async function inspectLocalRepo(path: string): Promise<LocalRepo> {
  const absolute = resolve(path);
  const git = (args: string[]) => execa("git", ["-C", absolute, ...args], { reject: false, env: { GIT_TERMINAL_PROMPT: "0" } });
  const top = await git(["rev-parse", "--show-toplevel"]);
  const bare = await git(["rev-parse", "--is-bare-repository"]);
  if (top.exitCode !== 0 && bare.stdout.trim() !== "true") throw new Error(`--repo ${path} is not a git repository.`);
  const root = top.exitCode === 0 ? top.stdout.trim() : absolute;
  const branch = await git(["symbolic-ref", "--quiet", "--short", "HEAD"]);
  const name = basename(root).replace(/\.git$/, "").replace(/[^A-Za-z0-9_.-]/g, "-") || "repository";
  return { path: root, cloneUrl: pathToFileURL(root).href, name, currentBranch: branch.exitCode === 0 ? branch.stdout.trim() : undefined };
}
