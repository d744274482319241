import type { Log } from "../../logger.ts";
import { isHeadIn, parsePartBranch } from "../../github/ferry-pulls.ts";
import { carriesFerryMarker } from "../../github/markers.ts";
import type { GitHub, RepoName } from "../../github/platform.ts";

/** A closed pull request, as much of it as retargeting needs. */
export type ClosedPull = {
  merged: boolean;
  body: string | null;
  head: { ref: string; repoFullName: string | undefined };
  base: { ref: string };
};

/**
 * When part k of a stack is merged, part k+1 still points at part k's branch; it is
 * retargeted to where part k went, so its diff shows only its own change. Only Ferry's
 * own stacks are touched. Returns the retargeted pull request numbers.
 */
export async function retargetAfterMerge(github: GitHub, where: RepoName, closed: ClosedPull, log?: Log): Promise<number[]> {
  const part = parsePartBranch(closed.head.ref);
  if (!closed.merged || !part || !carriesFerryMarker(closed.body)) return [];
  if (!isHeadIn(closed.head.repoFullName, where)) return [];

  const above = (await github.listPulls(where, { state: "open", base: closed.head.ref })).filter(
    (pull) => isHeadIn(pull.head.repoFullName, where) && carriesFerryMarker(pull.body) && parsePartBranch(pull.head.ref)?.issueNumber === part.issueNumber,
  );
  for (const pull of above) {
    await github.updatePull({ ...where, pull: pull.number }, { base: closed.base.ref });
    log?.info({ pull: pull.number, from: closed.head.ref, to: closed.base.ref }, "retargeted the next part after a merge");
  }
  return above.map((pull) => pull.number);
}
