import { z } from "zod";
import type { GitHubClient } from "./client.ts";
import { isNotFound } from "./http-status.ts";

const WRITER_ROLES = new Set(["admin", "maintain", "write"]);

const PermissionResponse = z.object({
  permission: z.string(),
  role_name: z.string().optional(),
});

/**
 * Whether a user may trigger or steer Ferry: write, maintain or admin on the repository,
 * asked of GitHub on each event so a revoked permission takes effect at once.
 */
export async function canWrite(client: GitHubClient, owner: string, repo: string, username: string): Promise<boolean> {
  try {
    const response = await client.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", {
      owner,
      repo,
      username,
    });
    const { permission, role_name } = PermissionResponse.parse(response.data);
    return WRITER_ROLES.has(role_name ?? permission) || WRITER_ROLES.has(permission);
  } catch (error) {
    // GitHub answers 404 for users who are not collaborators at all.
    if (isNotFound(error)) return false;
    throw error;
  }
}
