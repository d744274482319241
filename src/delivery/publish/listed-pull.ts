import { z } from "zod";
import { allPages } from "../../github/all-pages.ts";
import type { GitHubClient, RepoName } from "../../github/client.ts";

/** The fields of a pull request (as listed, created or edited) that publishing and retargeting rely on. */
export const ListedPull = z.object({
  number: z.number().int().positive(),
  html_url: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  labels: z.array(z.object({ name: z.string() })),
  head: z.object({ ref: z.string(), sha: z.string(), repo: z.object({ full_name: z.string() }).nullable() }),
  base: z.object({ ref: z.string() }),
});
export type ListedPull = z.infer<typeof ListedPull>;

export type { RepoName } from "../../github/client.ts";

/** Every open pull request of the repository, optionally only those based on `base`, across all pages. */
export async function listOpenPulls(client: GitHubClient, where: RepoName, base?: string): Promise<ListedPull[]> {
  return allPages(ListedPull, (page) =>
    client.request("GET /repos/{owner}/{repo}/pulls", { owner: where.owner, repo: where.repo, state: "open", ...(base === undefined ? {} : { base }), ...page }),
  );
}
