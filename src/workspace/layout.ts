import { join } from "node:path";
import type { WorkspaceRepo } from "./repo-ref.ts";

/**
 * Where things live under the data dir:
 *   mirrors/<host>/<owner>/<repo>.git   bare mirror per repository, shared by its tasks
 *   tasks/<taskId>/work                 the working tree the sandbox mounts (with the agent's own .git)
 *   tasks/<taskId>/git                  the host-only git dir used for diff, commit and push
 */
export function mirrorsRoot(dataDir: string): string {
  return join(dataDir, "mirrors");
}

/** Lower-cased: GitHub names are case-insensitive, and one repository should have one mirror. */
export function mirrorDirOf(dataDir: string, repo: WorkspaceRepo): string {
  // A local repository (file://, `ferry run`) has no host.
  const host = new URL(repo.cloneUrl).host.toLowerCase() || "local";
  return join(mirrorsRoot(dataDir), host, repo.owner.toLowerCase(), `${repo.name.toLowerCase()}.git`);
}

export type TaskDirs = { root: string; work: string; git: string };

export function taskDirsOf(dataDir: string, taskId: string): TaskDirs {
  const root = join(dataDir, "tasks", taskId);
  return { root, work: join(root, "work"), git: join(root, "git") };
}
