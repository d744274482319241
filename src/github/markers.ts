/**
 * Hidden markers let Ferry find what it owns on GitHub (comments, PRs, check runs)
 * and edit it instead of posting a duplicate. They survive restarts and a lost store.
 */
export type MarkerKind = "status" | "pr";

export const marker = (taskId: number, kind: MarkerKind): string => `<!-- ferry:task=${taskId} ${kind} -->`;
