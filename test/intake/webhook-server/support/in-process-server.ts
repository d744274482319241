import type { Logger } from "pino";
import { intakeApp } from "../../../../src/intake/webhook-server/intake-app.ts";
import { startThreadServer, WEBHOOK_PATH, type RouteHandler, type ThreadServer } from "../../../../src/intake/webhook-server/thread-server.ts";
import type { Log } from "../../../../src/logger.ts";
import type { NewDelivery } from "../../../../src/tasks/model.ts";
import { silentLog, testPrivateKey } from "../../../helpers/probot.ts";

export const SECRET = "in-process-secret";

export type InProcessServer = { server: ThreadServer; accepted: NewDelivery[]; url(path?: string): string };

/**
 * The webhook thread's server run in the test's own thread, so its log lines can be recorded:
 * the same Probot, intake app and access line as server-thread.ts, with deliveries collected.
 */
export async function inProcessServer(
  options: { log?: Logger; accessLog?: Log; webhookProxy?: string; routes?: RouteHandler[]; accept?: (delivery: NewDelivery) => void } = {},
): Promise<InProcessServer> {
  const accepted: NewDelivery[] = [];
  const server = await startThreadServer({
    probot: { appId: 123, privateKey: testPrivateKey(), secret: SECRET },
    host: "127.0.0.1",
    port: 0,
    webhookProxy: options.webhookProxy,
    log: options.log ?? silentLog,
    accessLog: options.accessLog,
    app: intakeApp({ accept: options.accept ?? ((delivery) => accepted.push(delivery)) }, ["issues.labeled"]),
    routes: options.routes ?? [],
  });
  return { server, accepted, url: (path = WEBHOOK_PATH) => `http://127.0.0.1:${server.port}${path}` };
}
