import { z } from "zod";
import { identitySchema } from "./identity.ts";

export const commitRequestSchema = z.object({
  message: z.string().trim().min(1, "a commit needs a message"),
  /** The app's bot identity; author and committer. */
  author: identitySchema,
  /** The person who asked for the change, credited with a `Co-authored-by` trailer. */
  coAuthor: identitySchema.optional(),
});

export type CommitRequest = z.infer<typeof commitRequestSchema>;
