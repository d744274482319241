import { z } from "zod";
import { allPages, pagesOf } from "../github/all-pages.ts";
import type { GitHubClient } from "../github/client.ts";
import { isNotFound } from "../github/http-status.ts";
import { RepoRef } from "../tasks/model.ts";

/**
 * How sweeps reach GitHub outside any webhook: an App (JWT) client for the App's own routes,
 * and an installation client per installation. With Probot: `github.auth()` and `github.auth(id)`.
 */
export type SweepGitHub = {
  appClient(): Promise<GitHubClient>;
  clientFor(installationId: number): Promise<GitHubClient>;
};

/** A repository an installation can reach; `pushedAt` changes with every push, its config included. */
export type InstalledRepo = { ref: RepoRef; pushedAt: string | null };

const Installation = z.object({ id: z.number().int().positive(), suspended_at: z.string().nullish() });
const Repository = z.object({
  name: z.string(),
  owner: z.object({ login: z.string() }),
  clone_url: z.string(),
  default_branch: z.string(),
  archived: z.boolean().optional(),
  disabled: z.boolean().optional(),
  pushed_at: z.string().nullish(),
});
/** This list comes wrapped: `{ total_count, repositories: [...] }`. */
const RepositoryPage = z.object({ repositories: z.array(Repository) }).transform((page) => page.repositories);

/** The App's installations that can act: suspended ones are left out. */
export async function listInstallations(app: GitHubClient): Promise<number[]> {
  const installations = await allPages(Installation, (page) => app.request("GET /app/installations", page));
  return installations.filter((installation) => !installation.suspended_at).map((installation) => installation.id);
}

/** The repositories of an installation that can take work: archived and disabled ones are read-only. */
export async function listInstalledRepos(client: GitHubClient, installationId: number): Promise<InstalledRepo[]> {
  const repos: InstalledRepo[] = [];
  for await (const batch of pagesOf(RepositoryPage, (page) => client.request("GET /installation/repositories", page))) {
    for (const repository of batch) {
      if (!repository.archived && !repository.disabled) repos.push(installedRepo(repository, installationId));
    }
  }
  return repos;
}

/** One repository by name, with its installation's client; undefined when the App is not installed there. */
export async function findInstalledRepo(
  github: SweepGitHub,
  owner: string,
  name: string,
): Promise<{ client: GitHubClient; repo: InstalledRepo } | undefined> {
  try {
    const found = await (await github.appClient()).request("GET /repos/{owner}/{repo}/installation", { owner, repo: name });
    const installationId = Installation.parse(found.data).id;
    const client = await github.clientFor(installationId);
    const response = await client.request("GET /repos/{owner}/{repo}", { owner, repo: name });
    return { client, repo: installedRepo(Repository.parse(response.data), installationId) };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function installedRepo(repository: z.infer<typeof Repository>, installationId: number): InstalledRepo {
  const ref = RepoRef.parse({
    owner: repository.owner.login,
    name: repository.name,
    installationId,
    cloneUrl: repository.clone_url,
    defaultBranch: repository.default_branch,
  });
  return { ref, pushedAt: repository.pushed_at ?? null };
}
