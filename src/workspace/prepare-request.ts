import { z } from "zod";
import { localRepoRefSchema, repoRefSchema } from "./repo-ref.ts";

/** Task ids name a directory: plain characters only. */
export const taskIdSchema = z
  .union([z.number().int().nonnegative(), z.string().regex(/^[A-Za-z0-9_-]{1,100}$/)])
  .transform(String);

export const prepareRequestSchema = z.object({
  taskId: taskIdSchema,
  repo: repoRefSchema,
  /** The branch to start from, e.g. the repository's default branch. */
  base: z.string().min(1),
  /** The task branch to create, e.g. `agent/issue-12`. */
  branch: z.string().min(1),
  /** The installation token; none for a local repository. */
  token: z.string().min(1).optional(),
});

export const localPrepareRequestSchema = prepareRequestSchema.extend({ repo: localRepoRefSchema });

export type PrepareRequest = z.input<typeof localPrepareRequestSchema> & { signal?: AbortSignal };
