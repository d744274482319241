/** How long one git process may run before it is killed. */
export type GitTimeouts = {
  /** Creating and fetching a mirror, listing remote branches. */
  fetchMs: number;
  pushMs: number;
  /** Everything on local disk: checkout, add, diff, commit. */
  localMs: number;
};

export const DEFAULT_GIT_TIMEOUTS: GitTimeouts = { fetchMs: 10 * 60_000, pushMs: 2 * 60_000, localMs: 5 * 60_000 };
