import { FERRY_LABEL } from "../../github/ferry-pulls.ts";
import type { GitHub, PullRequest, RepoName } from "../../github/platform.ts";
import type { DesiredPull } from "./desired-pull.ts";

const hasFerryLabel = (pull: PullRequest): boolean => pull.labels.some((label) => label.toLowerCase() === FERRY_LABEL);

/** The title and body fields that differ from what GitHub has. */
function changedText(pull: PullRequest, desired: DesiredPull): { title?: string; body?: string } {
  return {
    ...(pull.title === desired.title ? {} : { title: desired.title }),
    ...((pull.body ?? "") === desired.body ? {} : { body: desired.body }),
  };
}

/**
 * Brings a part's pull request to what it should be in as few requests as possible, and
 * none when it already is. The issue is the only place that sets labels, and it takes the
 * title and body too; only the base needs the pull request itself. Labels a person added
 * are kept: setting labels replaces the whole set.
 */
export async function convergePull(github: GitHub, where: RepoName, pull: PullRequest, desired: DesiredPull): Promise<"updated" | "unchanged"> {
  const text = changedText(pull, desired);
  const textChanged = Object.keys(text).length > 0;
  const baseMoved = pull.base !== desired.base;
  const labelMissing = !hasFerryLabel(pull);
  if (baseMoved) await github.updatePull({ ...where, pull: pull.number }, { base: desired.base, ...text });
  if (labelMissing) {
    await github.updateIssue({ ...where, issueNumber: pull.number }, { ...(baseMoved ? {} : text), labels: [...pull.labels, FERRY_LABEL] });
  } else if (textChanged && !baseMoved) {
    await github.updatePull({ ...where, pull: pull.number }, text);
  }
  return baseMoved || labelMissing || textChanged ? "updated" : "unchanged";
}
