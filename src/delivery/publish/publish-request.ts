import type { Spend, WeakeningFlag } from "../../tasks/agent-outcome.ts";
import type { PrefixCheck } from "../stack/stack-part.ts";
import type { PushedShaOf } from "./branch-leases.ts";
import type { PublishedPart } from "../../tasks/model.ts";

/** One part of the stack, already pushed to its branch, as it should appear as a pull request. */
export type PartToPublish = {
  /** `agent/issue-<N>/part-<k>`. */
  branch: string;
  headSha: string;
  files: { path: string; lines: number }[];
  /** Changed lines in this part. */
  lines: number;
  /** Over a size limit because what it holds could not be split. */
  oversize: boolean;
  /** Why it was merged with a neighbour, if it was. */
  merged?: string;
  /** Parts 1..k checked together; undefined when not checked. */
  check: PrefixCheck | undefined;
};

/** Everything one delivery of a stack needs; parts are in stack order. */
export type PublishRequest = {
  owner: string;
  repo: string;
  taskId: number;
  issue: { number: number; title: string };
  /** Who asked, asked to review; none for a scheduled sweep. */
  requester?: string | undefined;
  /** The branch part 1 is based on. */
  base: string;
  draft: boolean;
  /** The agent's summary of the whole change. */
  summary: string;
  weakening: WeakeningFlag[];
  spend: Spend;
  /** A link when the server has a public URL, else where the file is on the server. */
  trajectory: { url?: string; path?: string };
  parts: PartToPublish[];
  /** What Ferry last pushed to a branch: the lease for deleting a part the new stack no longer has. */
  pushedShaOf: PushedShaOf;
};

export type PublishResult = {
  parts: PublishedPart[];
  /** Numbers of the pull requests of a previous, longer stack that were closed. */
  closed: number[];
  /** Branches of those parts that were deleted (a branch with commits Ferry did not push is kept). */
  deletedBranches: string[];
  /** GitHub calls this delivery made (a listing counts once, however many pages it took). */
  requests: number;
};
