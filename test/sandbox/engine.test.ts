import { afterEach, beforeEach, expect, test } from "@jest/globals";
import Docker from "dockerode";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dockerAnswers } from "../../src/sandbox/docker/engine.ts";

let dir: string;
let server: Server | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ferry-engine-"));
});
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

test("no socket file means no engine, without a request", async () => {
  expect(await dockerAnswers(new Docker({ socketPath: join(dir, "docker.sock") }))).toBe(false);
});

test("an engine that answers its ping on the socket is found", async () => {
  const socketPath = join(dir, "docker.sock");
  server = createServer((request, response) => response.end(request.url?.endsWith("/_ping") ? "OK" : ""));
  await new Promise<void>((resolve) => server?.listen(socketPath, resolve));
  expect(await dockerAnswers(new Docker({ socketPath }))).toBe(true);
});
