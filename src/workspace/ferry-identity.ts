import type { Identity } from "./identity.ts";

/** Author and committer of Ferry's commits; the person who asked is credited with a Co-authored-by trailer. */
export const FERRY_GIT_IDENTITY: Identity = { name: "Ferry", email: "ferry-bot@users.noreply.github.com" };
