import { isNotFound } from "../github/http-status.ts";
import type { GitHub, Repository } from "../github/platform.ts";
import { RepoRef } from "../tasks/model.ts";

/**
 * How sweeps reach GitHub outside any webhook: the platform with the App's (JWT) credentials for its own routes,
 * and one per installation. With Probot: over `github.auth()` and `github.auth(id)`.
 */
export type SweepGitHub = {
  appClient(): Promise<GitHub>;
  clientFor(installationId: number): Promise<GitHub>;
};

/** A repository an installation can reach; `pushedAt` changes with every push, its config included. */
export type InstalledRepo = { ref: RepoRef; pushedAt: string | null };

/** The App's installations that can act: suspended ones are left out. */
export async function listInstallations(app: GitHub): Promise<number[]> {
  const installations = await app.installations();
  return installations.filter((installation) => !installation.suspended).map((installation) => installation.id);
}

/** The repositories of an installation that can take work: archived and disabled ones are read-only. */
export async function listInstalledRepos(client: GitHub, installationId: number): Promise<InstalledRepo[]> {
  const repos = await client.installationRepos();
  return repos.filter((repository) => !repository.archived && !repository.disabled).map((repository) => installedRepo(repository, installationId));
}

/** One repository by name, with its installation's client; undefined when the App is not installed there. */
export async function findInstalledRepo(
  github: SweepGitHub,
  owner: string,
  name: string,
): Promise<{ client: GitHub; repo: InstalledRepo } | undefined> {
  try {
    const installationId = await (await github.appClient()).installationOf({ owner, repo: name });
    if (installationId === undefined) return undefined;
    const client = await github.clientFor(installationId);
    return { client, repo: installedRepo(await client.getRepository({ owner, repo: name }), installationId) };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function installedRepo(repository: Repository, installationId: number): InstalledRepo {
  const ref = RepoRef.parse({
    owner: repository.owner,
    name: repository.name,
    installationId,
    cloneUrl: repository.cloneUrl,
    defaultBranch: repository.defaultBranch,
  });
  return { ref, pushedAt: repository.pushedAt };
}
