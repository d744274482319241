import { z } from "zod";
import { repoRefSchema } from "./repo-ref.ts";
import { WorkspaceInputError } from "./workspace-errors.ts";

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
  token: z.string().min(1),
});

export type PrepareRequest = z.input<typeof prepareRequestSchema> & { signal?: AbortSignal };

/** Parses caller input; the message names each bad field and never echoes a value (one may be the token). */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".") || what}: ${issue.message}`);
  throw new WorkspaceInputError(`Invalid ${what}: ${problems.join("; ")}`);
}
