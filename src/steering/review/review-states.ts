/**
 * Reviews that ask for work: changes requested, or comments (a single inline comment and a reply
 * in a thread are `commented` reviews too). Approvals and dismissed reviews ask for nothing.
 */
const ADDRESSED = new Set(["changes_requested", "commented"]);

/** Whether a review in this state (any case, as webhooks and REST differ) starts a follow-up. */
export const asksForChanges = (state: string): boolean => ADDRESSED.has(state.toLowerCase());
