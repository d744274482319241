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
  /** The text as it was when the event happened: what a writer's trigger approves. */
  title: z.string().optional(),
  body: z.string().nullish(),
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

const PullRequestRef = z.object({ number: z.number().int().positive() });
const Author = z.object({ login: z.string() });

export const PullRequestReviewEvent = z.object({
  action: z.literal("submitted"),
  review: z.object({
    id: z.number().int().positive(),
    // Lowercase in webhooks (`changes_requested`), uppercase in the REST API.
    state: z.string().transform((state) => state.toLowerCase()),
    body: z.string().nullable(),
    user: Author.nullable(),
  }),
  pull_request: PullRequestRef,
  repository: Repository,
  sender: Sender,
  installation: Installation,
});
export type PullRequestReviewEvent = z.infer<typeof PullRequestReviewEvent>;

/** An inline review comment, as webhooks and the REST API both give it. */
export const ReviewCommentFields = z.object({
  id: z.number().int().positive(),
  pull_request_review_id: z.number().int().positive().nullish(),
  in_reply_to_id: z.number().int().positive().nullish(),
  path: z.string(),
  line: z.number().int().nullish(),
  original_line: z.number().int().nullish(),
  diff_hunk: z.string(),
  body: z.string(),
  user: Author.nullable(),
  html_url: z.string().optional(),
});
export type ReviewCommentFields = z.infer<typeof ReviewCommentFields>;

export const PullRequestReviewCommentEvent = z.object({
  action: z.literal("created"),
  comment: ReviewCommentFields,
  pull_request: PullRequestRef,
  repository: Repository,
  sender: Sender,
  installation: Installation,
});
export type PullRequestReviewCommentEvent = z.infer<typeof PullRequestReviewCommentEvent>;

export type RepositoryPayload = z.infer<typeof Repository>;
