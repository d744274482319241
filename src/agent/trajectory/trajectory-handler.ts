import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { trajectoryPathFor } from "./jsonl-trajectory.ts";
import { TRAJECTORY_ROUTE, verifyTrajectoryRequest } from "./trajectory-link.ts";

/**
 * Serves `GET /ferry/trajectories/task-<id>/run-<n>.jsonl?sig=…` from the data dir. Returns false
 * for other paths so the server's next handler takes them; a bad signature gets 404 like a missing file.
 */
export function trajectoryHandler(dataDir: string, key: string) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (!request.url?.startsWith(TRAJECTORY_ROUTE)) return false;
    const ref = request.method === "GET" ? verifyTrajectoryRequest(request.url, key) : undefined;
    const path = ref && trajectoryPathFor(dataDir, ref.taskId, ref.run);
    const found = path ? await stat(path).then((info) => info.isFile(), () => false) : false;
    if (!path || !found) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
      return true;
    }
    // Plain text so a browser shows it instead of downloading; nosniff keeps it from being run as anything else.
    response.writeHead(200, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" });
    createReadStream(path).pipe(response);
    return true;
  };
}
