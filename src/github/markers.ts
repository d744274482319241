/**
 * Hidden markers let Ferry find what it owns on GitHub (comments, PRs, check runs)
 * and edit it instead of posting a duplicate. They survive restarts and a lost store.
 */
export type MarkerKind = "status" | "pr";

export const marker = (taskId: number, kind: MarkerKind): string => `<!-- ferry:task=${taskId} ${kind} -->`;

/**
 * Ferry's reply to one review comment for one follow-up (or for the task, when the follow-up
 * is not known), so a retried run finds it instead of replying again.
 */
export function reviewReplyMarker(taskId: number, followUpId: number | undefined, commentId: number): string {
  const followUp = followUpId === undefined ? "" : ` follow-up=${followUpId}`;
  return `<!-- ferry:task=${taskId} review-reply${followUp} comment=${commentId} -->`;
}

/** The note that a task's review feedback was not taken while another task of the issue is active. */
export const reviewBlockedMarker = (taskId: number, otherId: number): string => `<!-- ferry:task=${taskId} review-blocked other=${otherId} -->`;

/** The one "Ferry backlog" issue a dry-run sweep keeps up to date; found by it whatever its title has been edited to. */
export const BACKLOG_MARKER = "<!-- ferry:backlog -->";

/** The start of every task marker, whatever its task: a rerun is a new task but owns the same pull requests. */
const TASK_MARKER_START = "<!-- ferry:task=";

export const carriesFerryMarker = (body: string | null | undefined): boolean => body?.includes(TASK_MARKER_START) ?? false;
