import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FixtureContent } from "../../helpers/git-fixtures.ts";
import { createRepo, fixtureGit } from "../../helpers/git-fixtures.ts";
import type { ChangedFile } from "../../../src/workspace/numstat.ts";
import { parseNumstat } from "../../../src/workspace/numstat.ts";

const FLAGS = ["--find-renames", "--no-ext-diff", "--no-textconv", "--no-color"];

/** What real git reports for a change from `before` to `after` (null deletes a file), as Ferry's diff does. */
export async function diffOf(
  before: Record<string, FixtureContent>,
  after: Record<string, FixtureContent>,
): Promise<{ files: ChangedFile[]; patch: string }> {
  const root = await mkdtemp(join(tmpdir(), "ferry-policy-"));
  try {
    const gitDir = join(root, "repo.git");
    const [base = "", head = ""] = await createRepo(gitDir, [
      { message: "before", files: before },
      { message: "after", files: after },
    ]);
    const numstat = await fixtureGit(gitDir, ["diff", ...FLAGS, "--numstat", "-z", base, head]);
    const patch = await fixtureGit(gitDir, ["diff", ...FLAGS, "--binary", base, head]);
    return { files: parseNumstat(numstat), patch: `${patch}\n` };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
