import { renderPrBody } from "./pr-body.ts";
import type { PublishRequest } from "./publish-request.ts";

/** What a part's pull request should say and where it should point. */
export type DesiredPull = { title: string; base: string; body: string };

/** `<issue title> (k/n)`; a single part is just the issue title. */
export const partTitle = (issueTitle: string, index: number, total: number): string =>
  total === 1 ? issueTitle : `${issueTitle} (${index}/${total})`;

/** Part 1 is based on the target branch, part k on part k-1's branch. */
export function desiredPull(request: PublishRequest, index: number, numbers: readonly (number | undefined)[]): DesiredPull {
  const below = request.parts[index - 2];
  return {
    title: partTitle(request.issue.title, index, request.parts.length),
    base: index === 1 || !below ? request.base : below.branch,
    body: renderPrBody({ request, index, numbers }),
  };
}
