import type { GitHubClient } from "../../github/client.ts";
import { FERRY_LABEL } from "../../github/ferry-pulls.ts";
import type { DesiredPull } from "./desired-pull.ts";
import type { ListedPull, RepoName } from "./listed-pull.ts";

const hasFerryLabel = (pull: ListedPull): boolean => pull.labels.some((label) => label.name.toLowerCase() === FERRY_LABEL);

/** The title and body fields that differ from what GitHub has. */
function changedText(pull: ListedPull, desired: DesiredPull): { title?: string; body?: string } {
  return {
    ...(pull.title === desired.title ? {} : { title: desired.title }),
    ...((pull.body ?? "") === desired.body ? {} : { body: desired.body }),
  };
}

/**
 * Brings a part's pull request to what it should be in as few requests as possible, and
 * none when it already is. The issues endpoint is the only one that sets labels, and it
 * takes the title and body too; only the base needs the pulls endpoint. Labels a person
 * added are kept: setting labels replaces the whole set.
 */
export async function convergePull(
  client: GitHubClient,
  where: RepoName,
  pull: ListedPull,
  desired: DesiredPull,
): Promise<"updated" | "unchanged"> {
  const ids = { owner: where.owner, repo: where.repo };
  const text = changedText(pull, desired);
  const textChanged = Object.keys(text).length > 0;
  const baseMoved = pull.base.ref !== desired.base;
  const labelMissing = !hasFerryLabel(pull);
  if (baseMoved) {
    await client.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", { ...ids, pull_number: pull.number, base: desired.base, ...text });
  }
  if (labelMissing) {
    const labels = [...pull.labels.map((label) => label.name), FERRY_LABEL];
    await client.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { ...ids, issue_number: pull.number, ...(baseMoved ? {} : text), labels });
  } else if (textChanged && !baseMoved) {
    await client.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", { ...ids, pull_number: pull.number, ...text });
  }
  return baseMoved || labelMissing || textChanged ? "updated" : "unchanged";
}
