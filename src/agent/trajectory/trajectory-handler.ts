import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { once } from "node:events";
import { trajectoryPathFor } from "./jsonl-trajectory.ts";
import { TRAJECTORY_ROUTE, verifyTrajectoryRequest, type TrajectoryRef } from "./trajectory-link.ts";
import type { TrajectoryPage } from "./trajectory-lines.ts";

/** A run's lines after line `after`, from the database several machines share (PostgreSQL mode). */
export type TrajectoryPages = (ref: TrajectoryRef, after: number) => Promise<TrajectoryPage>;

// Plain text so a browser shows it instead of downloading; nosniff keeps it from being run as anything else.
const TEXT = { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" };

/**
 * Serves `GET /ferry/trajectories/task-<id>/run-<n>.jsonl?sig=…` from the data dir, or else, with
 * `pages`, from the database (the run went on a worker on another machine). Returns false for other
 * paths so the server's next handler takes them; a bad signature gets 404 like a missing run.
 */
export function trajectoryHandler(dataDir: string, key: string, pages?: TrajectoryPages) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (!request.url?.startsWith(TRAJECTORY_ROUTE)) return false;
    // Checked before anything is read, from the disk or the database.
    const ref = request.method === "GET" ? verifyTrajectoryRequest(request.url, key) : undefined;
    const path = ref && trajectoryPathFor(dataDir, ref.taskId, ref.run);
    const found = path ? await stat(path).then((info) => info.isFile(), () => false) : false;
    if (ref && path && found) {
      response.writeHead(200, TEXT);
      createReadStream(path).pipe(response);
      return true;
    }
    const first = ref && pages ? await pages(ref, 0) : undefined;
    if (!ref || !pages || !first || first.lines.length === 0) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
      return true;
    }
    response.writeHead(200, TEXT);
    await sendPages(response, first, (after) => pages(ref, after));
    return true;
  };
}

/** Page after page, each written once the client took the last (a slow reader holds one page). */
async function sendPages(response: ServerResponse, first: TrajectoryPage, next: (after: number) => Promise<TrajectoryPage>): Promise<void> {
  let page = first;
  try {
    while (page.lines.length > 0 && !response.destroyed) {
      if (!response.write(page.lines.map((line) => `${line}\n`).join(""))) await Promise.race([once(response, "drain"), once(response, "close")]);
      page = await next(page.last);
    }
    response.end();
  } catch (error) {
    // The status is sent: a cut connection, not a 200 that looks complete, tells the reader it is not.
    response.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
