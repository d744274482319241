import { z } from "zod";

export const IssueComment = z.object({
  author: z.string(),
  body: z.string(),
  /** Whether the author may write to the repository: a writer's comment is part of the task, anyone else's is context. */
  writer: z.boolean(),
});

/** The issue as fetched from GitHub (or read from a file by `ferry run`): raw text, sanitised only when the prompt is built. */
export const IssueContext = z.object({
  number: z.int().nonnegative(),
  title: z.string(),
  body: z.string(),
  url: z.string().optional(),
  comments: z.array(IssueComment),
  /**
   * The issue's text now, when it differs from what a writer approved (title and body above):
   * an edit after the trigger, shown as untrusted context, never as the task.
   */
  edited: z.object({ title: z.string(), body: z.string() }).optional(),
});

export type IssueComment = z.infer<typeof IssueComment>;
export type IssueContext = z.infer<typeof IssueContext>;
