import { z } from "zod";

/**
 * What github-process.ts says over IPC: once ready, where the e2e GitHub stand-in listens and
 * the seeded repository and issues the deliveries are about (as webhooks carry them); at the
 * end, what Ferry asked of it.
 */
export const StandInReady = z.object({
  host: z.string(),
  installationId: z.number(),
  /** The repository as a webhook payload carries it (the stand-in's REST shape). */
  repository: z.record(z.string(), z.unknown()),
  /** Issue number → the issue as a webhook payload carries it. */
  issues: z.record(z.string(), z.record(z.string(), z.unknown())),
});
export type StandInReady = z.infer<typeof StandInReady>;

export const StandInReport = z.object({
  requests: z.number(),
  byRoute: z.record(z.string(), z.number()),
  violations: z.array(z.string()),
  /** Comments that carry a task's status marker, per task id: more than one is a duplicate. */
  statusComments: z.record(z.string(), z.number()),
});
export type StandInReport = z.infer<typeof StandInReport>;
