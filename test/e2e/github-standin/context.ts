import type { Call } from "./router.ts";
import type { Repository, StandInState } from "./state.ts";

/** What every route module gets: the state and the stand-in's own web address. */
export type RouteContext = { state: StandInState; web(): string };

/** The repository a call names, if it exists and the calling token's installation may see it. */
export function repoOf(ctx: RouteContext, call: Call): Repository | undefined {
  const repo = ctx.state.repo(call.params.owner ?? "", call.params.repo ?? "");
  if (!repo) return undefined;
  if (call.installationId !== undefined && repo.installationId !== call.installationId) return undefined;
  return repo;
}
