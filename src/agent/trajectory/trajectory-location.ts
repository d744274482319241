import { trajectoryPathFor } from "./jsonl-trajectory.ts";
import type { TrajectoryLocation } from "./trajectory-link.ts";
import { trajectoryUrl } from "./trajectory-link.ts";

/** How links are made: the server's public URL (FERRY_PUBLIC_URL) and WEBHOOK_SECRET, which the links' own key is derived from. */
export type LinkSettings = { publicUrl: string | undefined; key: string };

/** Where people find a run's trajectory: a signed link when the server is public, else the file on the server. */
export function trajectoryLocation(dataDir: string, links: LinkSettings, taskId: number, run: number): TrajectoryLocation {
  const path = trajectoryPathFor(dataDir, taskId, run);
  return links.publicUrl ? { url: trajectoryUrl(links.publicUrl, { taskId, run }, links.key), path } : { path };
}
