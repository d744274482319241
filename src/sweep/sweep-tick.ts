import type { RepoSweepReport } from "./sweep-report.ts";
import { listInstallations, listInstalledRepos } from "./sweep-github.ts";
import { scheduledPass, type SweepContext } from "./repo-pass.ts";
import { errorMessage } from "../error-message.ts";

/** Spreads the installations of one tick over this long, so they do not all hit GitHub at once. */
export const MAX_JITTER_MS = 30_000;

export type TickSeams = {
  /** A number in [0, 1), like Math.random. */
  random: () => number;
  /** Waits `ms`; rejects or resolves early once `signal` is aborted. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  signal: AbortSignal;
};

/**
 * One scheduler tick: every installation, after its own random delay, sweeps each of its
 * repositories whose cron is due and not yet claimed. Repositories of one installation go one
 * after another (one token's rate limit); installations run side by side.
 */
export async function sweepDueRepositories(ctx: SweepContext, seams: TickSeams): Promise<RepoSweepReport[]> {
  const installations = await listInstallations(await ctx.github.appClient());
  const reports = await Promise.all(installations.map((id) => sweepInstallation(ctx, seams, id)));
  return reports.flat();
}

async function sweepInstallation(ctx: SweepContext, seams: TickSeams, installationId: number): Promise<RepoSweepReport[]> {
  const reports: RepoSweepReport[] = [];
  try {
    await seams.sleep(Math.floor(seams.random() * MAX_JITTER_MS), seams.signal);
    if (seams.signal.aborted) return reports;
    const client = await ctx.github.clientFor(installationId);
    for (const installed of await listInstalledRepos(client, installationId)) {
      if (seams.signal.aborted) break;
      const report = await scheduledPass(ctx, client, installed);
      if (report) reports.push(report);
    }
  } catch (error) {
    if (seams.signal.aborted) return reports;
    ctx.log.error({ installationId, error: errorMessage(error) }, "sweep of an installation failed");
  }
  return reports;
}
