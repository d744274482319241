import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { SignedDelivery } from "./signed-webhook.ts";

export type SmeeStandIn = {
  /** The channel URL, as WEBHOOK_PROXY_URL would name it. */
  url: string;
  /** Resolves when a client has opened the event stream. */
  connected: Promise<void>;
  /** Resolves when that client has closed it. */
  disconnected: Promise<void>;
  /** Sends one `message` event, as smee.io does for each delivery its channel received. */
  sendDelivery(delivery: SignedDelivery): void;
  close(): Promise<void>;
};

/**
 * A smee.io channel on 127.0.0.1: it speaks text/event-stream and sends each delivery as a
 * `message` event whose data is the request's headers plus its parsed JSON `body`, `query`
 * and `timestamp`, the shape smee-client turns back into a POST. With `status`, it refuses
 * the stream with that HTTP status instead.
 */
export async function smeeStandIn(options: { status?: number } = {}): Promise<SmeeStandIn> {
  const streams: ServerResponse[] = [];
  const connected = Promise.withResolvers<void>();
  const disconnected = Promise.withResolvers<void>();
  const server = createServer((req, res) => {
    if (options.status !== undefined) return void res.writeHead(options.status).end();
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    res.write("event: ready\ndata: {}\n\n");
    streams.push(res);
    req.once("close", () => disconnected.resolve());
    connected.resolve();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/channel-1`,
    connected: connected.promise,
    disconnected: disconnected.promise,
    sendDelivery({ headers, body }) {
      const data = JSON.stringify({ ...headers, host: "smee.io", body: JSON.parse(body), query: {}, timestamp: Date.now() });
      for (const stream of streams) stream.write(`event: message\ndata: ${data}\n\n`);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
