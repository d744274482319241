import { inlineCode } from "../../github/markdown.ts";
import type { TrajectoryLink } from "./status-view.ts";

/**
 * What a comment, a check run or a pull request body may say about where a trajectory is: its
 * signed link, or else only its name inside Ferry's data directory ("trajectories/task-4/run-1.jsonl"),
 * never the server's own path, which tells a reader how the server is laid out.
 */
export function publicTrajectory(trajectory: TrajectoryLink | undefined): TrajectoryLink | undefined {
  if (!trajectory) return undefined;
  if (trajectory.url) return { url: trajectory.url };
  return trajectory.path === undefined ? {} : { path: nameInDataDir(trajectory.path) };
}

/** `…/trajectories/task-4/run-1.jsonl` → `trajectories/task-4/run-1.jsonl`; anything else keeps its file name only. */
export function nameInDataDir(path: string): string {
  const at = path.lastIndexOf("trajectories/");
  const name = at === 0 || path[at - 1] === "/" ? path.slice(at) : undefined;
  return name ?? path.slice(path.lastIndexOf("/") + 1);
}

/** The trajectory as a reader finds it when Ferry has no public URL. */
export const keptOnServer = (path: string): string => `kept on the Ferry server (${inlineCode(nameInDataDir(path))} in its data directory)`;
