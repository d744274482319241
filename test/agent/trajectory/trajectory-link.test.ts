import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { trajectoryPathFor } from "../../../src/agent/trajectory/jsonl-trajectory.ts";
import { trajectoryHandler } from "../../../src/agent/trajectory/trajectory-handler.ts";
import { trajectoryUrl, verifyTrajectoryRequest } from "../../../src/agent/trajectory/trajectory-link.ts";

const KEY = "webhook-secret";

describe("trajectory links", () => {
  test("a link carries a signature that verifies for its own run only", () => {
    const url = new URL(trajectoryUrl("https://ferry.example.com", { taskId: 12, run: 2 }, KEY));
    expect(url.pathname).toBe("/ferry/trajectories/task-12/run-2.jsonl");
    expect(verifyTrajectoryRequest(url.pathname + url.search, KEY)).toEqual({ taskId: 12, run: 2 });
    const otherRun = url.pathname.replace("run-2", "run-3") + url.search;
    expect(verifyTrajectoryRequest(otherRun, KEY)).toBeUndefined();
  });

  test("a link signed with another key, or unsigned, does not verify", () => {
    const url = new URL(trajectoryUrl("https://ferry.example.com", { taskId: 12, run: 2 }, "other"));
    expect(verifyTrajectoryRequest(url.pathname + url.search, KEY)).toBeUndefined();
    expect(verifyTrajectoryRequest(url.pathname, KEY)).toBeUndefined();
  });

  test("paths that try to climb out of the trajectories folder are refused", () => {
    expect(verifyTrajectoryRequest("/ferry/trajectories/../../secrets.jsonl?sig=x", KEY)).toBeUndefined();
    expect(verifyTrajectoryRequest("/ferry/trajectories/task-1/run-1.jsonl/../x?sig=x", KEY)).toBeUndefined();
  });
});

describe("the trajectory handler", () => {
  let dataDir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "ferry-trajectory-"));
    const path = trajectoryPathFor(dataDir, 7, 1);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, '{"type":"run-started"}\n');
    const handle = trajectoryHandler(dataDir, KEY);
    server = createServer((request, response) => {
      void handle(request, response).then((handled) => {
        if (!handled) response.writeHead(418).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dataDir, { recursive: true, force: true });
  });

  test("serves a run's JSONL as plain text to a signed link", async () => {
    const response = await fetch(trajectoryUrl(base, { taskId: 7, run: 1 }, KEY));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe('{"type":"run-started"}\n');
  });

  test("answers 404 to a bad signature and to a run that has no file", async () => {
    const forged = await fetch(`${base}/ferry/trajectories/task-7/run-1.jsonl?sig=${"0".repeat(32)}`);
    expect(forged.status).toBe(404);
    const missing = await fetch(trajectoryUrl(base, { taskId: 7, run: 9 }, KEY));
    expect(missing.status).toBe(404);
  });

  test("leaves other paths to the next handler", async () => {
    expect((await fetch(`${base}/ping`)).status).toBe(418);
  });
});
