import type { Sandbox } from "../../../src/sandbox/sandbox.ts";

export const STOP_REASON = "@alice asked to stop";
export const call = (name: string, args: object) => ({ toolCalls: [{ name, arguments: args }] });

/** A sandbox that aborts `controller` just after its start began, and lists what was asked of it. */
export function abortingOnStart(sandbox: Sandbox, controller: AbortController): Sandbox & { calls: string[] } {
  const calls: string[] = [];
  return {
    kind: sandbox.kind,
    files: sandbox.files,
    calls,
    async start(spec, options) {
      calls.push("start");
      const starting = sandbox.start(spec, options);
      controller.abort(new Error(STOP_REASON));
      await starting;
    },
    exec(command, options) {
      calls.push(`exec ${command}`);
      return sandbox.exec(command, options);
    },
    setNetwork(enabled) {
      calls.push(`network ${enabled ? "on" : "off"}`);
      return sandbox.setNetwork(enabled);
    },
    stop() {
      calls.push("stop");
      return sandbox.stop();
    },
  };
}
