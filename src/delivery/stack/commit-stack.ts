import type { Checkout } from "../../workspace/checkout.ts";
import { commitMessage } from "../../workspace/commit-message.ts";
import { commitRequestSchema } from "../../workspace/commit-request.ts";
import type { GitDeadline } from "../../workspace/git.ts";
import { objectGit } from "../../workspace/host-git.ts";
import type { Identity } from "../../workspace/identity.ts";
import { identityEnv } from "../../workspace/identity.ts";
import { parseInput } from "../../workspace/parse-input.ts";
import type { Slice } from "../split/slice.ts";
import type { StackPart } from "./stack-part.ts";
import { partBranch } from "../../github/ferry-pulls.ts";

export type CommittedPart = Omit<StackPart, "check">;

export type CommitStackOptions = {
  checkout: Pick<Checkout, "gitDir" | "baseSha">;
  issueNumber: number;
  slices: readonly Slice[];
  /** Per slice, the tree of the base plus slices 1..k. */
  prefixes: readonly string[];
  /** The commit message of part `index` (1-based) of `count`. */
  message: (index: number, count: number) => string;
  /** The app's bot identity: author and committer. */
  author: Identity;
  /** The requester, credited with a `Co-authored-by` trailer. */
  coAuthor?: Identity | undefined;
  /**
   * The commits of the parts delivered before, in stack order: a part whose tree and parent are
   * unchanged keeps its commit, so a follow-up leaves the pull requests it did not touch as they are.
   */
  previous?: readonly string[] | undefined;
  /** Author and committer date in any form git reads (`GIT_AUTHOR_DATE`); the same date gives the same commits. */
  date?: string | undefined;
};

/**
 * One commit per part, each on the previous one (the first on the base), and a local branch
 * `agent/issue-<N>/part-<k>` at each, set in one transaction once every commit exists.
 */
export async function commitStack(options: CommitStackOptions, deadline: GitDeadline): Promise<CommittedPart[]> {
  const { checkout, slices, prefixes } = options;
  if (prefixes.length !== slices.length) throw new Error(`${slices.length} slices but ${prefixes.length} prefix trees`);
  const parts: CommittedPart[] = [];
  let parent = checkout.baseSha;
  for (const [at, slice] of slices.entries()) {
    const index = at + 1;
    const kept = await keptCommit(checkout, options.previous?.[at], parent, prefixes[at] ?? "", deadline);
    if (kept) {
      parts.push({ index, branch: partBranch(options.issueNumber, index), slice, sha: kept });
      parent = kept;
      continue;
    }
    const request = parseInput(commitRequestSchema, { message: options.message(index, slices.length), author: options.author, coAuthor: options.coAuthor }, "commit request");
    const input = commitMessage(request.message, request.coAuthor);
    const args = ["commit-tree", "--no-gpg-sign", "-p", parent, "-F", "-", prefixes[at] ?? ""];
    const sha = (await objectGit(checkout.gitDir, args, { ...deadline, env: identityEnv(request.author, options.date), input })).stdout.trim();
    parts.push({ index, branch: partBranch(options.issueNumber, index), slice, sha });
    parent = sha;
  }
  const updates = parts.map((part) => `update refs/heads/${part.branch} ${part.sha}\n`).join("");
  await objectGit(checkout.gitDir, ["update-ref", "-m", "ferry: stack", "--stdin"], { ...deadline, input: updates });
  return parts;
}

/** The earlier commit of this part when it has the same parent and tree, else undefined. */
async function keptCommit(
  checkout: Pick<Checkout, "gitDir">,
  previous: string | undefined,
  parent: string,
  tree: string,
  deadline: GitDeadline,
): Promise<string | undefined> {
  if (!previous) return undefined;
  const shown = await objectGit(checkout.gitDir, ["show", "-s", "--format=%P %T", previous], { ...deadline, okExitCodes: [128] });
  if (shown.exitCode !== 0) return undefined;
  const [parents, ...rest] = shown.stdout.trim().split(" ");
  return parents === parent && rest.join(" ") === tree ? previous : undefined;
}
