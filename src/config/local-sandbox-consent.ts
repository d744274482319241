import type { Env } from "./env.ts";

/**
 * The local sandbox runs the agent's commands as Ferry's own user, with Ferry's files, network
 * and the Docker socket within reach: a server only runs it when the operator says so in so many
 * words. `ferry run` (a developer on their own machine) does not ask.
 */
export function localSandboxRefusal(sandbox: Pick<Env["sandbox"], "kind" | "allowLocal">): string | undefined {
  if (sandbox.kind !== "local" || sandbox.allowLocal) return undefined;
  return "FERRY_SANDBOX=local runs the agent's commands on this machine without isolation; the server refuses it unless FERRY_ALLOW_LOCAL_SANDBOX=1 is set too (development only; use FERRY_SANDBOX=docker)";
}
