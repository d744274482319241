import { copyFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Checkout } from "./checkout.ts";
import type { GitDeadline } from "./git.ts";
import { runGit } from "./git.ts";

/**
 * Ferry's own checkout of a change, apart from the agent's tree: `dir` is what a check's sandbox
 * mounts; the host writes trees into it through the host git dir with an index of its own.
 */
export type VerifyCheckout = { gitDir: string; dir: string; indexFile: string };

/**
 * A fresh checkout of the base in the task's verify dir, made before any sandbox ran in it: a
 * `--shared` clone of the mirror with its own `.git` (tests that call git work, as they did for
 * the agent), and the host's index of it, so later trees only rewrite the files that differ.
 */
export async function createVerifyCheckout(checkout: Checkout, deadline: GitDeadline): Promise<VerifyCheckout> {
  const verify = { gitDir: checkout.gitDir, dir: checkout.verifyDir, indexFile: join(checkout.gitDir, "verify-index") };
  await rm(verify.dir, { recursive: true, force: true });
  await runGit(["clone", "--shared", "--no-checkout", "--quiet", checkout.mirrorDir, verify.dir], deadline);
  await runGit(["checkout", "--quiet", "-b", checkout.branch, checkout.baseSha], { ...deadline, gitDir: join(verify.dir, ".git"), workTree: verify.dir });
  await copyFile(join(verify.dir, ".git", "index"), verify.indexFile);
  return verify;
}
