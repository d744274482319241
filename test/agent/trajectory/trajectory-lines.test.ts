import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JsonlTrajectory, trajectoryPathFor } from "../../../src/agent/trajectory/jsonl-trajectory.ts";
import { trajectoryHandler, type TrajectoryPages } from "../../../src/agent/trajectory/trajectory-handler.ts";
import { trajectoryUrl, type TrajectoryRef } from "../../../src/agent/trajectory/trajectory-link.ts";
import { boundedLine, MAX_LINE_CHARS, PAGE_LINES, readTrajectoryPage, streamTrajectoryLines } from "../../../src/agent/trajectory/trajectory-lines.ts";
import { WebhookServer } from "../../../src/intake/webhook-server/webhook-server.ts";
import type { Log } from "../../../src/logger.ts";
import { createPool } from "../../../src/tasks/postgres/pool.ts";
import { openPostgresStore } from "../../../src/tasks/postgres/postgres-store.ts";
import { silentLog, testPrivateKey } from "../../helpers/probot.ts";
import { describeWithPostgres, useCluster } from "../../helpers/postgres.ts";
import { freePort } from "../../helpers/process.ts";
import { newTask } from "../../tasks/support/new-task.ts";

const KEY = "webhook-secret";
const quietLog: Log = { info: () => {}, warn: () => {}, error: () => {} };

describe("trajectory lines kept in the database", () => {
  test("a line within the cap is kept as written", () => {
    expect(boundedLine('{"type":"prompt"}')).toBe('{"type":"prompt"}');
  });

  test("an absurd line is kept as a marker with its head, still one JSON object", () => {
    const huge = JSON.stringify({ type: "tool-call", data: { parts: Array.from({ length: 100 }, () => "x".repeat(7_999)) } });
    expect(huge.length).toBeGreaterThan(MAX_LINE_CHARS);
    const kept = boundedLine(huge);
    expect(kept.length).toBeLessThan(5_000);
    expect(JSON.parse(kept)).toEqual({ type: "line-cut", chars: huge.length, head: huge.slice(0, 4_000) });
  });
});

/** A server whose only route is the trajectory handler, with the database pages given. */
async function linkServer(dataDir: string, pages: TrajectoryPages | undefined) {
  const handle = trajectoryHandler(dataDir, KEY, pages);
  const server = createServer((request, response) => {
    void handle(request, response).then((handled) => {
      if (!handled) response.writeHead(418).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }) };
}

describe("a tampered or unsigned link", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "ferry-links-"));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  test.each([
    ["SQLite mode (no database)", false],
    ["PostgreSQL mode", true],
  ])("is refused in %s, and nothing is read from the database", async (_mode, withDatabase) => {
    const asked: TrajectoryRef[] = [];
    // One line, then the end of the run (a stub that repeated its page would stream forever).
    const pages: TrajectoryPages = async (ref, after) => {
      asked.push(ref);
      return after === 0 ? { lines: ['{"type":"run-started"}'], last: 1 } : { lines: [], last: after };
    };
    const server = await linkServer(dataDir, withDatabase ? pages : undefined);
    try {
      const signed = new URL(trajectoryUrl(server.base, { taskId: 7, run: 1 }, KEY));
      const otherTask = `${server.base}${signed.pathname.replace("task-7", "task-8")}${signed.search}`;
      const forged = `${server.base}${signed.pathname}?sig=${"0".repeat(32)}`;
      const unsigned = `${server.base}${signed.pathname}`;
      for (const url of [otherTask, forged, unsigned]) expect((await fetch(url)).status).toBe(404);
      expect(asked).toEqual([]);
      const served = await fetch(signed);
      expect(served.status).toBe(withDatabase ? 200 : 404);
      expect(await served.text()).toBe(withDatabase ? '{"type":"run-started"}\n' : "Not found\n");
    } finally {
      await server.close();
    }
  });
});

describeWithPostgres("trajectories across processes (PostgreSQL)", () => {
  const cluster = useCluster();
  let url: string;
  let taskId: number;
  let root: string;
  let closers: (() => Promise<void>)[];

  beforeEach(async () => {
    url = await cluster().createDatabase();
    root = mkdtempSync(join(tmpdir(), "ferry-trajectory-lines-"));
    closers = [];
    const store = await openPostgresStore({ url });
    closers.push(() => store.close());
    taskId = (await store.createTask(newTask())).task.id;
  });
  afterEach(async () => {
    for (const close of closers.reverse()) await close();
    rmSync(root, { recursive: true, force: true });
  });

  function pool() {
    const opened = createPool({ url, max: 2 });
    closers.push(() => opened.end());
    return opened;
  }

  /** A worker's run: the JSONL file in its own data directory, each line copied to the database. */
  async function workerRun(dataDir: string, ref: TrajectoryRef, events: number): Promise<string> {
    const lines = streamTrajectoryLines({ db: pool(), ref, log: quietLog, flushMs: 20 });
    const trajectory = new JsonlTrajectory(trajectoryPathFor(dataDir, ref.taskId, ref.run), undefined, (line) => lines.push(line));
    for (let step = 1; step <= events; step += 1) trajectory.record("tool-call", { step, name: "shell", command: `echo ${step}` });
    trajectory.close();
    await lines.close();
    return readFileSync(trajectoryPathFor(dataDir, ref.taskId, ref.run), "utf8");
  }

  test("a run a worker wrote on its machine is served by another server's signed link, page after page", async () => {
    const written = await workerRun(join(root, "worker"), { taskId, run: 1 }, PAGE_LINES * 2 + 7);
    const reader = pool();
    const port = await freePort();
    const server = await WebhookServer.start({
      thread: {
        probot: { appId: 123, privateKey: testPrivateKey(), secret: KEY },
        host: "127.0.0.1",
        port,
        logLevel: "silent",
        // The server's own data directory: the run's file is not there.
        dataDir: join(root, "server"),
        linksKey: KEY,
        trajectoriesInDatabase: true,
        events: ["issues.labeled"],
        journalDir: join(root, "server", "journal"),
      },
      intake: { accept: async () => true },
      runSweep: async () => ({ repositories: [] }),
      trajectoryPage: (ref, after) => readTrajectoryPage(reader, ref, after),
      log: silentLog,
      onFailure: () => {},
    });
    closers.push(() => server.stop());
    const response = await fetch(trajectoryUrl(`http://127.0.0.1:${port}`, { taskId, run: 1 }, KEY));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe(written);
    expect((await fetch(trajectoryUrl(`http://127.0.0.1:${port}`, { taskId, run: 2 }, KEY))).status).toBe(404);
  });

  test("a resumed run's lines follow the ones it already had, none lost or repeated", async () => {
    const dataDir = join(root, "worker");
    await workerRun(dataDir, { taskId, run: 1 }, 3);
    const whole = await workerRun(dataDir, { taskId, run: 1 }, 2);
    const page = await readTrajectoryPage(pool(), { taskId, run: 1 }, 0);
    expect(page.lines.map((line) => `${line}\n`).join("")).toBe(whole);
    expect(page.last).toBe(5);
  });

  test("a batch the database failed is written again with the same numbers: no line lost or repeated", async () => {
    const ref = { taskId, run: 1 };
    const real = pool();
    let failures = 1;
    const db = {
      query: async (text: string, values?: unknown[]) => {
        // The first insert commits but its answer is lost, as when the connection drops after COMMIT.
        const result = await real.query(text, values);
        if (text.includes("INSERT") && failures-- > 0) throw new Error("connection lost");
        return result;
      },
    };
    const lines = streamTrajectoryLines({ db, ref, log: quietLog, flushMs: 20 });
    for (const index of [1, 2, 3]) lines.push(JSON.stringify({ index }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    lines.push(JSON.stringify({ index: 4 }));
    await lines.close();
    const page = await readTrajectoryPage(real, ref, 0);
    expect(page.lines.map((line) => JSON.parse(line))).toEqual([{ index: 1 }, { index: 2 }, { index: 3 }, { index: 4 }]);
  });

  test("a runaway run stops being copied at its cap, with a marker saying where the rest is", async () => {
    const ref = { taskId, run: 1 };
    const lines = streamTrajectoryLines({ db: pool(), ref, log: quietLog, flushMs: 20, maxRunChars: 120 });
    for (let index = 0; index < 10; index += 1) lines.push(JSON.stringify({ index, text: "y".repeat(30) }));
    await lines.close();
    const page = await readTrajectoryPage(pool(), ref, 0);
    expect(page.lines).toHaveLength(3);
    expect(JSON.parse(page.lines[2] ?? "")).toMatchObject({ type: "trajectory-cut" });
  });
});
