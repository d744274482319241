import type { TrustedCommit } from "../agent/prompt/instructions.ts";
import type { Checkout } from "../workspace/checkout.ts";
import { DEFAULT_GIT_TIMEOUTS } from "../workspace/git.ts";
import { branchSha } from "../workspace/refs.ts";

export type StartPoints =
  | { ok: true; startFrom?: string; instructionsFrom: TrustedCommit }
  | { ok: false; message: string };

/**
 * The commits a run starts from, read from the mirror (a git dir only Ferry writes), never from
 * the work tree: a follow-up's earlier delivery, applied after the network is cut, and the
 * default branch's tip, whose AGENTS.md is the only one the agent gets (the base when the
 * default branch is not in the mirror).
 */
export async function startPoints(checkout: Checkout, defaultBranch: string, startFrom: string | undefined): Promise<StartPoints> {
  const timeoutMs = DEFAULT_GIT_TIMEOUTS.localMs;
  const defaultTip = await branchSha(checkout.mirrorDir, defaultBranch, timeoutMs);
  const instructionsFrom = { gitDir: checkout.mirrorDir, commit: defaultTip ?? checkout.baseSha };
  if (!startFrom) return { ok: true, instructionsFrom };
  const delivered = await branchSha(checkout.mirrorDir, startFrom, timeoutMs);
  if (!delivered) {
    return { ok: false, message: `The branch ${startFrom} of the earlier delivery is gone (merged or deleted), so there is nothing to follow up on; \`/agent retry\` starts afresh.` };
  }
  return { ok: true, startFrom: delivered, instructionsFrom };
}
