import type { GitHub } from "../github/platform.ts";
import { onDemandPass, type SweepContext } from "./repo-pass.ts";
import { findInstalledRepo, listInstallations, listInstalledRepos, type InstalledRepo } from "./sweep-github.ts";
import { notSwept, type RepoSweepReport, type SweepReport } from "./sweep-report.ts";
import { errorMessage } from "../error-message.ts";

/**
 * An operator's pass (`ferry sweep --now [owner/repo]`): the named repository, or every
 * repository of every installation, swept at once with the scheduled rules and caps.
 */
export async function sweepNow(ctx: SweepContext, target?: string): Promise<SweepReport> {
  if (target !== undefined) return { repositories: [await sweepOne(ctx, target)] };
  const repositories: RepoSweepReport[] = [];
  for (const installationId of await listInstallations(await ctx.github.appClient())) {
    repositories.push(...(await sweepInstallationNow(ctx, installationId)));
  }
  return { repositories };
}

/** An installation whose repositories cannot be listed is one failed line of the report, not the end of it. */
async function sweepInstallationNow(ctx: SweepContext, installationId: number): Promise<RepoSweepReport[]> {
  let found: { client: GitHub; repos: InstalledRepo[] };
  try {
    const client = await ctx.github.clientFor(installationId);
    found = { client, repos: await listInstalledRepos(client, installationId) };
  } catch (error) {
    const message = errorMessage(error);
    ctx.log.error({ installationId, error: message }, "listing an installation's repositories failed");
    return [notSwept(`installation ${installationId}`, "now", "failed", message)];
  }
  const reports: RepoSweepReport[] = [];
  for (const installed of found.repos) reports.push(await onDemandPass(ctx, found.client, installed));
  return reports;
}

async function sweepOne(ctx: SweepContext, target: string): Promise<RepoSweepReport> {
  const [owner = "", name = ""] = target.split("/");
  const found = await findInstalledRepo(ctx.github, owner, name);
  if (!found) return notSwept(target, "now", "not-installed", `Ferry is not installed on ${target}, or it does not exist`);
  return onDemandPass(ctx, found.client, found.repo);
}
