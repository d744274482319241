import { describe, expect, test } from "@jest/globals";
import type { Pauses } from "../../../src/agent/pauses.ts";
import { scriptedPauses } from "../../helpers/scripted-pauses.ts";
import { useToolWorkspaces } from "./support/tool-workspace.ts";

// The command policy's audit trail and the waiting time it hands the budgets (found unpinned by mutation testing).
describe("command gate", () => {
  const workspace = useToolWorkspaces();

  test("a refusal in the trajectory names the shell tool and the rule", async () => {
    const { call, trajectory } = await workspace({ policy: { commands: { deny: ["git push*"], approve: [] } } });
    await call("shell", { command: "git push origin main" });
    expect(trajectory.ofType("policy")).toEqual([expect.objectContaining({ tool: "shell", decision: "denied", rule: "commands.deny" })]);
  });

  test("a request for approval is recorded under the approve rule before the wait", async () => {
    const pauses = scriptedPauses({ approvals: [{ approved: false, reason: "nobody answered" }] });
    const { call, trajectory } = await workspace({ pauses, policy: { commands: { deny: [], approve: ["touch *"] } } });
    await call("shell", { command: "touch x" });
    expect(trajectory.ofType("policy")[0]).toMatchObject({ tool: "shell", decision: "needs-approval", rule: "commands.approve", pattern: "touch *" });
  });

  test("the time spent waiting for approval is the wait itself, which the minutes budget then leaves out", async () => {
    const scripted = scriptedPauses({ approvals: [{ approved: true, by: "octocat" }] });
    const slow: typeof scripted = { ...scripted, approve: (request, signal) => delay(200).then(() => scripted.approve(request, signal)) } satisfies Pauses;
    const { call } = await workspace({ pauses: slow, policy: { commands: { deny: [], approve: ["true"] } } });
    const result = await call("shell", { command: "true" });
    expect(result.pausedMs).toBeGreaterThanOrEqual(150);
    expect(result.pausedMs).toBeLessThan(2_000);
  });
});

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
