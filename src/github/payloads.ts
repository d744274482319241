import { z } from "zod";

/**
 * The parts of webhook payloads Ferry relies on. Parsed at the edge so handlers work
 * with checked values; anything else in the payload is ignored.
 */
export const Sender = z.object({ login: z.string(), type: z.string() });
export type Sender = z.infer<typeof Sender>;

const Repository = z.object({
  name: z.string(),
  owner: z.object({ login: z.string() }),
  clone_url: z.url(),
  default_branch: z.string(),
});

const Issue = z.object({
  number: z.number().int().positive(),
  state: z.string().optional(),
  pull_request: z.unknown().optional(),
});

const Installation = z.object({ id: z.number().int().positive() });

export const IssueLabelEvent = z.object({
  action: z.enum(["labeled", "unlabeled"]),
  label: z.object({ name: z.string() }),
  issue: Issue,
  repository: Repository,
  sender: Sender,
  installation: Installation,
});
export type IssueLabelEvent = z.infer<typeof IssueLabelEvent>;

export const IssueClosedEvent = z.object({
  action: z.literal("closed"),
  issue: Issue,
  repository: Repository,
  sender: Sender,
  installation: Installation,
});

export const IssueCommentEvent = z.object({
  action: z.literal("created"),
  comment: z.object({ id: z.number().int().positive(), body: z.string() }),
  issue: Issue,
  repository: Repository,
  sender: Sender,
  installation: Installation,
});
export type IssueCommentEvent = z.infer<typeof IssueCommentEvent>;

export type RepositoryPayload = z.infer<typeof Repository>;
