import { createHmac } from "node:crypto";
import { expect, test } from "@jest/globals";
import { trajectoryUrl, verifyTrajectoryRequest } from "../../src/agent/trajectory/trajectory-link.ts";
import { SWEEP_SIGNATURE_HEADER, SWEEP_TIMESTAMP_HEADER, verifySweepRequest } from "../../src/sweep/sweep-signature.ts";

/**
 * Attack: a signature made for one purpose used for another. Before, sweep requests and
 * trajectory links were HMACs keyed with WEBHOOK_SECRET itself, as GitHub's webhook signatures
 * are: a body GitHub signed was a body `POST /ferry/sweep` took as signed. Now each purpose has
 * its own key, derived from the secret with HKDF; webhooks keep the secret, as GitHub signs them.
 */
const SECRET = "one-secret";
const hmac = (key: string, text: string) => createHmac("sha256", key).update(text).digest("hex");

test("an HMAC with WEBHOOK_SECRET itself (a webhook's signature) never signs a sweep request", () => {
  const now = Date.now();
  const timestamp = String(Math.floor(now / 1000));
  const body = Buffer.from("{}");
  for (const signed of [`${timestamp}.{}`, "{}"]) {
    const headers = { [SWEEP_TIMESTAMP_HEADER]: timestamp, [SWEEP_SIGNATURE_HEADER]: `sha256=${hmac(SECRET, signed)}` };
    expect(verifySweepRequest(SECRET, body, headers, now)).toEqual({ ok: false, problem: "wrong" });
  }
});

test("a trajectory link signed with WEBHOOK_SECRET itself does not open the trajectory", () => {
  const path = `/ferry/trajectories/task-7/run-1.jsonl?sig=${hmac(SECRET, "trajectory:7:1").slice(0, 32)}`;
  expect(verifyTrajectoryRequest(path, SECRET)).toBeUndefined();
  const made = new URL(trajectoryUrl("https://ferry.example", { taskId: 7, run: 1 }, SECRET));
  expect(verifyTrajectoryRequest(made.pathname + made.search, SECRET)).toEqual({ taskId: 7, run: 1 });
});
