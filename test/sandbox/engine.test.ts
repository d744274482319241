import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import Docker from "dockerode";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dockerAnswers, engineAddress, engineProblem, requireEngine } from "../../src/sandbox/docker/engine.ts";
import { SandboxError } from "../../src/sandbox/sandbox-error.ts";
import { freePort } from "../helpers/process.ts";

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

describe("when no engine answers", () => {
  test("the problem names the missing socket file", async () => {
    const socketPath = join(dir, "docker.sock");
    expect(await engineProblem(new Docker({ socketPath }))).toBe(`there is no socket file at ${socketPath}`);
  });

  test("the problem names a refused TCP connection", async () => {
    const port = await freePort();
    const docker = new Docker({ host: "127.0.0.1", port, protocol: "http" });
    expect(await engineProblem(docker)).toMatch(/ECONNREFUSED/);
    expect(await engineAddress(docker)).toBe(`http://127.0.0.1:${port}`);
  });

  test("an engine that never answers is given up on after the timeout", async () => {
    const socketPath = join(dir, "docker.sock");
    server = createServer(() => {});
    await new Promise<void>((resolve) => server?.listen(socketPath, resolve));
    expect(await engineProblem(new Docker({ socketPath }), 200)).toBe("no answer within 0.2 s");
    server.closeAllConnections();
  });

  test("the address is the socket as DOCKER_HOST would name it", async () => {
    expect(await engineAddress(new Docker({ socketPath: "/run/user/1000/docker.sock" }))).toBe("unix:///run/user/1000/docker.sock");
  });

  test("a sandbox start fails naming the engine, why, and what to do", async () => {
    const socketPath = join(dir, "docker.sock");
    const start = requireEngine(new Docker({ socketPath }));
    await expect(start).rejects.toThrow(SandboxError);
    await expect(start).rejects.toThrow(`no Docker engine answers at unix://${socketPath} (there is no socket file at ${socketPath}). Start Docker, or point DOCKER_HOST at a running engine`);
  });

  test("with an engine that answers, a sandbox start goes on", async () => {
    const socketPath = join(dir, "docker.sock");
    server = createServer((request, response) => response.end(request.url?.endsWith("/_ping") ? "OK" : ""));
    await new Promise<void>((resolve) => server?.listen(socketPath, resolve));
    await expect(requireEngine(new Docker({ socketPath }))).resolves.toBeUndefined();
  });
});
