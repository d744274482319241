import { z } from "zod";
import { allPages } from "../../github/all-pages.ts";
import type { GitHubClient } from "../../github/client.ts";
import type { PullTarget } from "./pull-target.ts";

const PullComment = z.object({
  id: z.number().int().positive(),
  body: z.string().nullish(),
  in_reply_to_id: z.number().int().positive().nullish(),
  user: z.object({ login: z.string(), type: z.string().optional() }).nullable(),
});
export type PullComment = z.infer<typeof PullComment>;

/** Every inline review comment on the pull request, replies included, across all pages. */
export async function listPullComments(client: GitHubClient, target: PullTarget): Promise<PullComment[]> {
  return allPages(PullComment, (page) =>
    client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/comments", { owner: target.owner, repo: target.repo, pull_number: target.pull, ...page }),
  );
}
