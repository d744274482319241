import { pino } from "pino";
import { Probot, Server } from "probot";
import { serveParent } from "./child.ts";

// The baseline: a bare Probot app whose only handler does nothing, served as Probot serves any app.
const log = pino({ level: process.env.LOG_LEVEL ?? "warn" });
const server = new Server({
  Probot: Probot.defaults({ appId: Number(process.env.APP_ID), privateKey: process.env.PRIVATE_KEY, secret: process.env.WEBHOOK_SECRET, log }),
  host: process.env.HOST,
  port: Number(process.env.PORT),
  log,
});
await server.load((app) => {
  app.onAny(async () => {});
});
await server.start();
serveParent(`http://${process.env.HOST}:${process.env.PORT}`, {}, () => server.stop());
