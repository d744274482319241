import { z } from "zod";
import type { Author, PullComment, PullRequest, ReviewComment } from "./platform.ts";

/*
 * The parts of GitHub's REST answers the Octokit platform relies on, each turned into the
 * platform's record. Anything else GitHub sends is ignored; a missing field fails loudly here.
 */

const User = z.object({ login: z.string(), type: z.string().optional() });
const authorOf = (user: z.infer<typeof User> | null | undefined): Author | null => (user ? { login: user.login, type: user.type } : null);

export const IssueShape = z
  .object({ number: z.number().int().positive(), title: z.string(), body: z.string().nullish(), html_url: z.string().optional(), comments: z.number().int().nonnegative().optional() })
  .transform((issue) => ({ number: issue.number, title: issue.title, body: issue.body ?? "", url: issue.html_url, commentCount: issue.comments }));

export const ListedIssueShape = z
  .object({
    number: z.number().int().positive(),
    title: z.string(),
    body: z.string().nullish(),
    locked: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
    user: User.nullable(),
    /** GitHub may list a label as its bare name. */
    labels: z.array(z.union([z.string(), z.object({ name: z.string().nullish() })])).optional(),
    reactions: z.object({ "+1": z.number() }).optional(),
    /** Present when the "issue" is a pull request: the issues list returns both. */
    pull_request: z.unknown().optional(),
  })
  .transform((issue) => ({
    isPull: issue.pull_request !== undefined,
    issue: {
      number: issue.number,
      title: issue.title,
      body: issue.body ?? "",
      locked: issue.locked,
      createdAt: issue.created_at,
      updatedAt: issue.updated_at,
      author: authorOf(issue.user),
      labels: issue.labels?.flatMap((label) => (typeof label === "string" ? [label] : label.name ? [label.name] : [])),
      thumbsUp: issue.reactions?.["+1"] ?? 0,
    },
  }));

export const IssueEventShape = z.object({ event: z.string(), actor: User.nullish(), label: z.object({ name: z.string() }).nullish() });

export const IssueCommentShape = z
  .object({ id: z.number(), body: z.string().nullish(), user: User.nullish() })
  .transform((comment) => ({ id: comment.id, body: comment.body ?? "", author: authorOf(comment.user) }));

export const Created = z.object({ id: z.number() });
export const CreatedIssue = z.object({ number: z.number().int().positive() });

export const PermissionShape = z.object({ permission: z.string(), role_name: z.string().optional() }).transform((found) => ({ level: found.permission, role: found.role_name }));

/** Directories come back as arrays; GitHub only inlines files up to 1 MB, larger ones arrive with encoding "none". */
export const ContentFile = z.object({ type: z.literal("file"), encoding: z.string(), content: z.string() });

export const RefShape = z.object({ object: z.object({ sha: z.string() }) });

export const CheckRunsShape = z.object({ check_runs: z.array(z.object({ id: z.number(), external_id: z.string().nullish() })) });

export const PullShape = z
  .object({
    number: z.number().int().positive(),
    state: z.enum(["open", "closed"]),
    merged_at: z.string().nullish(),
    html_url: z.string(),
    title: z.string(),
    body: z.string().nullable(),
    labels: z.array(z.object({ name: z.string() })),
    head: z.object({ ref: z.string(), sha: z.string(), repo: z.object({ full_name: z.string() }).nullable() }),
    base: z.object({ ref: z.string() }),
  })
  .transform(
    (pull): PullRequest => ({
      number: pull.number,
      state: pull.state,
      merged: Boolean(pull.merged_at),
      url: pull.html_url,
      title: pull.title,
      body: pull.body,
      labels: pull.labels.map((label) => label.name),
      head: { ref: pull.head.ref, sha: pull.head.sha, repoFullName: pull.head.repo?.full_name },
      base: pull.base.ref,
    }),
  );

export const ReviewShape = z
  .object({ id: z.number().int().positive(), state: z.string(), body: z.string().nullish(), user: z.object({ login: z.string() }).nullable() })
  .transform((review) => ({ id: review.id, state: review.state.toLowerCase(), body: review.body ?? "", author: review.user?.login ?? "ghost" }));

export const ReviewCommentShape = z
  .object({
    id: z.number().int().positive(),
    path: z.string(),
    line: z.number().int().nullish(),
    original_line: z.number().int().nullish(),
    diff_hunk: z.string(),
    body: z.string(),
    user: z.object({ login: z.string() }).nullable(),
    html_url: z.string().optional(),
  })
  .transform(
    (comment): ReviewComment => ({
      id: comment.id,
      path: comment.path,
      line: comment.line ?? comment.original_line ?? null,
      diffHunk: comment.diff_hunk,
      body: comment.body,
      author: comment.user?.login ?? "ghost",
      ...(comment.html_url === undefined ? {} : { url: comment.html_url }),
    }),
  );

export const PullCommentShape = z
  .object({ id: z.number().int().positive(), body: z.string().nullish(), in_reply_to_id: z.number().int().positive().nullish(), user: User.nullable() })
  .transform((comment): PullComment => ({ id: comment.id, body: comment.body ?? "", inReplyTo: comment.in_reply_to_id ?? undefined, author: authorOf(comment.user) }));

export const InstallationShape = z.object({ id: z.number().int().positive(), suspended_at: z.string().nullish() }).transform((found) => ({ id: found.id, suspended: Boolean(found.suspended_at) }));

export const RepositoryShape = z
  .object({
    name: z.string(),
    owner: z.object({ login: z.string() }),
    clone_url: z.string(),
    default_branch: z.string(),
    archived: z.boolean().optional(),
    disabled: z.boolean().optional(),
    pushed_at: z.string().nullish(),
  })
  .transform((repo) => ({
    owner: repo.owner.login,
    name: repo.name,
    cloneUrl: repo.clone_url,
    defaultBranch: repo.default_branch,
    archived: repo.archived ?? false,
    disabled: repo.disabled ?? false,
    pushedAt: repo.pushed_at ?? null,
  }));
/** This list comes wrapped: `{ total_count, repositories: [...] }`. */
export const RepositoryPageShape = z.object({ repositories: z.array(RepositoryShape) }).transform((page) => page.repositories);

export const AppShape = z.object({ slug: z.string().min(1) });
