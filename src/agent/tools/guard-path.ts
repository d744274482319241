import { checkWritePath } from "../../policy/path-policy.ts";
import type { ToolContext, ToolResult } from "./tool.ts";
import { checkWorkspacePath } from "./workspace-path.ts";

export type PathGuard = { ok: true; relative: string } | { ok: false; refusal: ToolResult };

/**
 * The host's first filter, before the sandbox touches anything: the path stays in the
 * workspace as written (checkWorkspacePath) and, for writes, the repository's path policy
 * allows it. Writes never go through a link (the sandbox refuses them), so the path checked
 * here is the path written. Every refusal is a policy decision and goes to the trajectory.
 */
export function guardPath(path: string, intent: "read" | "write", tool: string, context: ToolContext): PathGuard {
  const checked = checkWorkspacePath(path, intent);
  if (!checked.ok) return { ok: false, refusal: refuseOutsideWorkspace(path, checked.error, tool, context) };
  if (intent === "read") return checked;
  const verdict = checkWritePath(checked.relative, context.policy.paths.deny);
  if (verdict.allowed) return checked;
  context.trajectory.record("policy", { tool, path: checked.relative, decision: "denied", rule: "paths.deny", pattern: verdict.pattern, reason: verdict.reason });
  const output = `Refused by the repository's path policy; nothing was written. ${verdict.reason}`;
  return { ok: false, refusal: { output, isError: true, details: { refused: "paths.deny", pattern: verdict.pattern } } };
}

/** A path refused for leaving the workspace, by the host's check or the sandbox's (a link), recorded as a policy decision. */
export function refuseOutsideWorkspace(path: string, error: string, tool: string, context: ToolContext): ToolResult {
  context.trajectory.record("policy", { tool, path, decision: "refused", rule: "workspace", reason: error });
  return { output: error, isError: true, details: { refused: "workspace" } };
}
