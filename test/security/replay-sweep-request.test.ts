import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, test } from "@jest/globals";
import { sweepHandler } from "../../src/sweep/sweep-handler.ts";
import { signSweepRequest } from "../../src/sweep/sweep-signature.ts";
import type { SweepReport } from "../../src/sweep/sweep-report.ts";

/**
 * Attack: someone who once saw a signed `POST /ferry/sweep` (a proxy's log, a shell history
 * with the headers) sends it again, later or at once. Before, the signature covered the body
 * alone, so a copy started a sweep whenever it was sent. Now it covers a timestamp too: a copy
 * older than five minutes, more than a minute ahead, or already taken is refused.
 */
const SECRET = "sweep-secret";
const MINUTE = 60_000;
let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function sweepServer(clock: () => number) {
  const calls: Array<string | undefined> = [];
  const handle = sweepHandler(SECRET, async (repo) => {
    calls.push(repo);
    return { repositories: [] } satisfies SweepReport;
  }, clock);
  server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ferry/sweep`;
  const send = (headers: Record<string, string>, body = "{}") => fetch(url, { method: "POST", body, headers });
  return { calls, send };
}

const signedAt = Date.parse("2026-11-01T10:00:00Z");

test("a signed request sent again six minutes later is refused with 401 and sweeps nothing", async () => {
  let now = signedAt;
  const { calls, send } = await sweepServer(() => now);
  const headers = signSweepRequest(SECRET, "{}", signedAt);
  now = signedAt + 6 * MINUTE;
  const late = await send(headers);
  expect(late.status).toBe(401);
  expect(await late.json()).toEqual({ error: expect.stringContaining("more than 5 minutes old") });
  expect(calls).toEqual([]);
});

test("a signed request sent a second time within the five minutes is refused with 401", async () => {
  const now = signedAt;
  const { calls, send } = await sweepServer(() => now);
  const headers = signSweepRequest(SECRET, "{}", signedAt);
  expect((await send(headers)).status).toBe(200);
  const again = await send(headers);
  expect(again.status).toBe(401);
  expect(await again.json()).toEqual({ error: expect.stringContaining("already taken") });
  expect(calls).toEqual([undefined]);
});

test("a request dated more than a minute ahead of the server's clock is refused with 401", async () => {
  const { calls, send } = await sweepServer(() => signedAt);
  expect((await send(signSweepRequest(SECRET, "{}", signedAt + 2 * MINUTE))).status).toBe(401);
  expect(calls).toEqual([]);
});
