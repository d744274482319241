import type { GitHub } from "../github/platform.ts";
import type { KeyedLock } from "../workspace/keyed-lock.ts";
import { dueTimeToSweep } from "./due-time.ts";
import type { InstalledRepo, SweepGitHub } from "./sweep-github.ts";
import { sweepRepository, type SweepDeps } from "./sweep-repository.ts";
import { notSwept, type RepoSweepReport } from "./sweep-report.ts";
import type { SweepSettings } from "./sweep-settings.ts";
import { errorMessage } from "../error-message.ts";

export type SweepContext = SweepDeps & { github: SweepGitHub; settings: SweepSettings; lock: KeyedLock };

const fullName = (installed: InstalledRepo) => `${installed.ref.owner}/${installed.ref.name}`;

/**
 * A scheduled pass: sweeps the repository when its cron is due and this process is the first
 * to claim that due time in the store. Undefined when there was nothing to do.
 */
export async function scheduledPass(ctx: SweepContext, client: GitHub, installed: InstalledRepo): Promise<RepoSweepReport | undefined> {
  const setting = await ctx.settings.of(client, installed).catch((error: unknown) => {
    // Tried again next minute; the other repositories of the tick go on.
    ctx.log.error({ repo: fullName(installed), error: errorMessage(error) }, "reading a repository's config for a sweep failed");
    return undefined;
  });
  if (setting?.kind !== "on") return undefined;
  const due = dueTimeToSweep(setting.sweep.cron, ctx.now());
  if (!due.ok || !due.dueAt) return undefined;
  const dueAt = due.dueAt.toISOString();
  // Claimed before the work: a pass that fails half-way is not repeated for the same due time.
  if (!(await ctx.store.claimSweep(installed.ref.owner, installed.ref.name, dueAt))) return undefined;
  return guarded(ctx, installed, dueAt, () => sweepRepository(ctx, client, installed.ref, setting.sweep, dueAt));
}

/** An operator's pass: the same rules and caps, any time, without the due-time lock. */
export async function onDemandPass(ctx: SweepContext, client: GitHub, installed: InstalledRepo): Promise<RepoSweepReport> {
  const repo = fullName(installed);
  return guarded(ctx, installed, "now", async () => {
    const setting = await ctx.settings.of(client, installed, { fresh: true });
    if (setting.kind === "invalid") return notSwept(repo, "now", "invalid-config", `.github/agent.yml is invalid: ${setting.problems.join("; ")}`);
    if (setting.kind === "off") return notSwept(repo, "now", "not-opted-in", "no sweep: in .github/agent.yml");
    return sweepRepository(ctx, client, installed.ref, setting.sweep, "now");
  });
}

/** One pass at a time per repository in this process, and a failure there is a report, not the end of the tick. */
async function guarded(ctx: SweepContext, installed: InstalledRepo, dueAt: string, sweep: () => Promise<RepoSweepReport>): Promise<RepoSweepReport> {
  const repo = fullName(installed);
  try {
    return await ctx.lock.run(repo.toLowerCase(), sweep);
  } catch (error) {
    ctx.log.error({ repo, dueAt, error: errorMessage(error) }, "sweep of a repository failed");
    return notSwept(repo, dueAt, "failed", errorMessage(error));
  }
}
