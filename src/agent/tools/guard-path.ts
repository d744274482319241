import { checkWritePath } from "../../policy/path-policy.ts";
import type { ToolContext, ToolResult } from "./tool.ts";
import { resolveWorkspacePath, type WorkspacePath } from "./workspace-path.ts";

export type AllowedPath = Extract<WorkspacePath, { ok: true }>;
export type PathGuard = { ok: true; target: AllowedPath } | { ok: false; refusal: ToolResult };

/**
 * Confines a path to the workspace and, for writes, applies the repository's path policy to
 * the path as named and as resolved (a link inside the checkout must not dodge a pattern).
 * Every refusal is a policy decision and goes to the trajectory.
 */
export async function guardPath(path: string, intent: "read" | "write", tool: string, context: ToolContext): Promise<PathGuard> {
  const target = await resolveWorkspacePath(context.workDir, path, intent);
  if (!target.ok) {
    context.trajectory.record("policy", { tool, path, decision: "refused", rule: "workspace", reason: target.error });
    return { ok: false, refusal: { output: target.error, isError: true, details: { refused: "workspace" } } };
  }
  if (intent === "read") return { ok: true, target };
  for (const candidate of new Set([target.relative, target.real])) {
    const verdict = checkWritePath(candidate, context.policy.paths.deny);
    if (verdict.allowed) continue;
    context.trajectory.record("policy", { tool, path: candidate, decision: "denied", rule: "paths.deny", pattern: verdict.pattern, reason: verdict.reason });
    const output = `Refused by the repository's path policy; nothing was written. ${verdict.reason}`;
    return { ok: false, refusal: { output, isError: true, details: { refused: "paths.deny", pattern: verdict.pattern } } };
  }
  return { ok: true, target };
}
