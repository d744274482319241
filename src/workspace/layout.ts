import { join } from "node:path";
import type { WorkspaceRepo } from "./repo-ref.ts";

/**
 * Where things live under the data dir:
 *   mirrors/<host>/<owner>/<repo>.git   bare mirror per repository, shared by its tasks
 *   tasks/<taskId>/work                 the working tree the agent's sandbox mounts (with the agent's own .git)
 *   tasks/<taskId>/verify               a checkout of the frozen change, where Ferry's own checks run
 *   tasks/<taskId>/host-git             the name of the task's host-only git dir, nothing else
 *   host-git/<random>                   host-only git dirs (diff, commit, push): owner-only, never
 *                                       mounted, at a name nothing in a task directory can guess
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

export type TaskDirs = { root: string; work: string; verify: string; hostGitName: string };

export function taskDirsOf(dataDir: string, taskId: string): TaskDirs {
  const root = join(dataDir, "tasks", taskId);
  return { root, work: join(root, "work"), verify: join(root, "verify"), hostGitName: hostGitNameFileOf(root) };
}

/** The file in a task directory (or spare) that names its host git dir. */
export function hostGitNameFileOf(taskRoot: string): string {
  return join(taskRoot, "host-git");
}

export function hostGitRoot(dataDir: string): string {
  return join(dataDir, "host-git");
}
