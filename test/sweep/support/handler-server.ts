import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sweepHandler } from "../../../src/sweep/sweep-handler.ts";
import type { SweepReport } from "../../../src/sweep/sweep-report.ts";

export const SECRET = "s3cret";

export type HandlerServer = { url: string; calls: Array<string | undefined>; close(): Promise<void> };

/** The sweep handler on a loopback port, in front of a 404 for everything else (as in Probot's server). */
export async function startHandlerServer(runNow: (repo?: string) => Promise<SweepReport>): Promise<HandlerServer> {
  const calls: Array<string | undefined> = [];
  const handler = sweepHandler(SECRET, (repo) => {
    calls.push(repo);
    return runNow(repo);
  });
  const server: Server = createServer((request, response) => {
    void handler(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end("not the sweep route");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, calls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
