import { fork } from "node:child_process";
import { createWriteStream } from "node:fs";
import { once } from "node:events";

/**
 * Each server of the benchmark (the GitHub stand-in, Ferry, the bare app) runs in a process
 * of its own, so the load generator's clock is never held up by the work it measures. They
 * talk over Node's IPC channel: the parent calls a named command, the child answers it.
 */
type Call = { kind: "call"; id: number; command: string; args: unknown };
type Answer = { kind: "answer"; id: number; value?: unknown; error?: string };
type Ready = { kind: "ready"; value: unknown };

export type Child = {
  /** What the child said when it was ready (its address, …). */
  ready: unknown;
  call(command: string, args?: unknown): Promise<unknown>;
  /** Asks the child to stop, then waits for it to exit; its exit code. */
  stop(): Promise<number | null>;
};

/** Starts `script` with exactly `env`; its output goes to `logFile`. Resolves once it reports ready. */
export async function startChild(script: URL, env: Record<string, string>, logFile: string): Promise<Child> {
  const log = createWriteStream(logFile);
  const child = fork(script, [], { env, stdio: ["ignore", "pipe", "pipe", "ipc"] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const exited = once(child, "exit");
  void exited.then(([code]) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${script.pathname} exited with ${code}; see ${logFile}`));
    pending.clear();
  });
  let onReady: (value: unknown) => void = () => {};
  const readied = new Promise<unknown>((resolve) => (onReady = resolve));
  child.on("message", (message: Answer | Ready) => {
    if (message.kind === "ready") return onReady(message.value);
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) waiter?.reject(new Error(message.error));
    else waiter?.resolve(message.value);
  });
  const ready = await Promise.race([
    readied,
    exited.then(([code]) => {
      throw new Error(`${script.pathname} exited with ${code} before it was ready; see ${logFile}`);
    }),
  ]);
  const call = (command: string, args?: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ kind: "call", id, command, args } satisfies Call);
    });
  return {
    ready,
    call,
    async stop() {
      if (child.exitCode === null) child.send({ kind: "call", id: 0, command: "stop", args: undefined } satisfies Call);
      await exited;
      log.end();
      return child.exitCode;
    },
  };
}

type Commands = Record<string, (args: unknown) => unknown>;

/** The child's side: reports `ready`, answers calls, and on `stop` runs `stop` and exits. */
export function serveParent(ready: unknown, commands: Commands, stop: () => Promise<void>): void {
  const send = (message: Answer | Ready) => process.send?.(message);
  const stopAndExit = () =>
    void stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  // A parent that died (or was interrupted) leaves no server behind.
  process.once("disconnect", stopAndExit);
  process.on("message", (message: Call) => {
    if (message.command === "stop") return stopAndExit();
    // Every child also tells the CPU time it used so far, so the parent can say what a load cost.
    const command = message.command === "cpu" ? () => process.cpuUsage() : commands[message.command];
    Promise.resolve()
      .then(() => {
        if (!command) throw new Error(`no command ${message.command}`);
        return command(message.args);
      })
      .then(
        (value) => send({ kind: "answer", id: message.id, value }),
        (error: unknown) => send({ kind: "answer", id: message.id, error: String(error) }),
      );
  });
  send({ kind: "ready", value: ready });
}
