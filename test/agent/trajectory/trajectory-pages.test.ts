import { describe, expect, test } from "@jest/globals";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { MainThreadTrajectories, type PageRequest } from "../../../src/agent/trajectory/main-thread-trajectories.ts";
import { trajectoryHandler, type TrajectoryPages } from "../../../src/agent/trajectory/trajectory-handler.ts";
import { trajectoryUrl } from "../../../src/agent/trajectory/trajectory-link.ts";

const KEY = "webhook-secret";
const REF = { taskId: 7, run: 1 };

describe("trajectory pages from the database", () => {
  test("a read that fails after the first page cuts the response off instead of ending it as if complete", async () => {
    const pages: TrajectoryPages = async (_ref, after) => {
      if (after > 0) throw new Error("the database went away");
      return { lines: ['{"type":"run-started"}'], last: 1 };
    };
    const handle = trajectoryHandler(tmpdir(), KEY, pages);
    const server = createServer((request, response) => void handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      // The 200 may or may not reach the reader before the cut; the whole body never does.
      await expect(fetch(trajectoryUrl(base, REF, KEY)).then((response) => response.text())).rejects.toThrow();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test("the webhook thread's request for a page carries the run and fails when the main thread does not answer in time", async () => {
    const asked: PageRequest[] = [];
    const trajectories = new MainThreadTrajectories((request) => asked.push(request), 50);
    await expect(trajectories.page(REF, 0)).rejects.toThrow("did not answer within 50 ms");
    expect(asked).toEqual([{ call: 1, ref: REF, after: 0 }]);
  });

  test("each answer settles its own call; a late one is dropped", async () => {
    const trajectories = new MainThreadTrajectories(() => {}, 1_000);
    const first = trajectories.page(REF, 0);
    const second = trajectories.page(REF, 50);
    trajectories.settle(2, { page: { lines: ["b"], last: 51 } });
    trajectories.settle(1, { error: "no database" });
    await expect(second).resolves.toEqual({ lines: ["b"], last: 51 });
    await expect(first).rejects.toThrow("no database");
    expect(() => trajectories.settle(1, { page: { lines: [], last: 0 } })).not.toThrow();
  });
});
