import { z } from "zod";
import type { GitHubClient } from "../../github/client.ts";
import type { PullTarget } from "./pull-target.ts";

const PullComment = z.object({
  id: z.number().int().positive(),
  body: z.string().nullish(),
  in_reply_to_id: z.number().int().positive().nullish(),
  user: z.object({ login: z.string(), type: z.string().optional() }).nullable(),
});
export type PullComment = z.infer<typeof PullComment>;

const PAGE_SIZE = 100;

/** Every inline review comment on the pull request, replies included, across all pages. */
export async function listPullComments(client: GitHubClient, target: PullTarget): Promise<PullComment[]> {
  const comments: PullComment[] = [];
  for (let page = 1; ; page++) {
    const response = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/comments", {
      owner: target.owner,
      repo: target.repo,
      pull_number: target.pull,
      per_page: PAGE_SIZE,
      page,
    });
    const batch = z.array(PullComment).parse(response.data);
    comments.push(...batch);
    if (batch.length < PAGE_SIZE) return comments;
  }
}
