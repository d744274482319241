import type { z } from "zod";
import { WorkspaceInputError } from "./workspace-errors.ts";

/** Parses caller input; the message names each bad field and never echoes a value (one may be the token). */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".") || what}: ${issue.message}`);
  throw new WorkspaceInputError(`Invalid ${what}: ${problems.join("; ")}`);
}
