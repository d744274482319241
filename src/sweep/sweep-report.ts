import { z } from "zod";

/*
 * What a sweep did, per repository: the JSON `POST /ferry/sweep` answers with and `ferry sweep`
 * prints. The CLI parses it with these same schemas.
 */

/** Why an issue was passed over; `reason` says it to a person, `code` to a program. */
export const SKIP_CODES = ["locked", "active-task", "open-pull", "closed-pull", "ended-recently", "unapproved", "limit", "budget"] as const;
export const SkipCode = z.enum(SKIP_CODES);
export type SkipCode = z.infer<typeof SkipCode>;

export const SkippedIssue = z.object({ number: z.number().int(), title: z.string(), code: SkipCode, reason: z.string() });
export type SkippedIssue = z.infer<typeof SkippedIssue>;

/** An issue the sweep chose; `taskId` once a task was started for it (never in a dry run). */
export const PickedIssue = z.object({ number: z.number().int(), title: z.string(), why: z.string(), taskId: z.number().int().optional() });
export type PickedIssue = z.infer<typeof PickedIssue>;

/** The limits as GitHub and the store showed them when the sweep ran. */
export const SweepLimits = z.object({
  maxPerRun: z.number(),
  openPulls: z.number(),
  maxOpenPRs: z.number(),
  spentUsd: z.number(),
  maxUsdPerDay: z.number(),
});
export type SweepLimits = z.infer<typeof SweepLimits>;

export const REPO_SWEEP_STATUSES = ["swept", "dry-run", "not-opted-in", "invalid-config", "not-installed", "failed"] as const;

export const RepoSweepReport = z.object({
  repo: z.string(),
  status: z.enum(REPO_SWEEP_STATUSES),
  /** The cron due time the sweep ran for, or "now" for an operator's pass. */
  dueAt: z.string(),
  /** Why nothing or not everything was done: a broken config, a cap, a GitHub error. */
  reason: z.string().optional(),
  picked: z.array(PickedIssue),
  skipped: z.array(SkippedIssue),
  limits: SweepLimits.optional(),
  /** The "Ferry backlog" issue a dry run keeps up to date. */
  backlogIssue: z.number().int().optional(),
});
export type RepoSweepReport = z.infer<typeof RepoSweepReport>;

export const SweepReport = z.object({ repositories: z.array(RepoSweepReport) });
export type SweepReport = z.infer<typeof SweepReport>;

/** A repository that was not swept at all, with the reason. */
export function notSwept(repo: string, dueAt: string, status: RepoSweepReport["status"], reason: string): RepoSweepReport {
  return { repo, status, dueAt, reason, picked: [], skipped: [] };
}
