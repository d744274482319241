import type { GitHub } from "./platform.ts";

const WRITER_ROLES = new Set(["admin", "maintain", "write"]);

/**
 * Whether a user may trigger or steer Ferry: write, maintain or admin on the repository,
 * asked of GitHub on each event so a revoked permission takes effect at once.
 */
export async function canWrite(github: GitHub, owner: string, repo: string, username: string): Promise<boolean> {
  const { level, role } = await github.permissionOf({ owner, repo }, username);
  return WRITER_ROLES.has(role ?? level) || WRITER_ROLES.has(level);
}
