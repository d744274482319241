import type { Sandbox } from "../sandbox/sandbox.ts";
import { SandboxError } from "../sandbox/sandbox-error.ts";
import { recordedExec } from "./recorded-exec.ts";
import type { Trajectory } from "./trajectory/trajectory.ts";

export type StartFromPhase = {
  /** The commit of the earlier delivery (a part branch's tip, read from the mirror on the host). */
  commit: string;
  sandbox: Sandbox;
  timeoutMs: number;
  trajectory: Trajectory;
  signal: AbortSignal;
};

const COMMIT = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * Puts the tree of an earlier delivery into the workspace for a follow-up run. It runs inside the
 * sandbox once the network is cut: the delivered files are the agent's, so neither `setup:` with
 * network nor the host ever acts on them. The index goes back to the base, so the agent sees what
 * was delivered as uncommitted changes, exactly as the host measures the change.
 */
export async function startFromDelivery(phase: StartFromPhase): Promise<void> {
  if (!COMMIT.test(phase.commit)) throw new SandboxError(`${JSON.stringify(phase.commit)} is not a commit id`);
  const command = `git read-tree -u --reset ${phase.commit} && git reset --quiet`;
  const { result, passed } = await recordedExec("start-from", { commit: phase.commit }, { ...phase, command });
  if (!passed) {
    const why = result.timedOut ? "it timed out" : `git exited with ${String(result.exitCode)}: ${result.output.trim()}`;
    throw new SandboxError(`could not put the earlier delivery (${phase.commit.slice(0, 7)}) into the workspace (the image needs git): ${why}`);
  }
}
