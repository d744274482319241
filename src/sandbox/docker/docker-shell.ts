import type { Container } from "dockerode";
import { PassThrough } from "node:stream";
import { WORKSPACE_PATH } from "../sandbox.ts";
import { ShellSession } from "../shell/shell-session.ts";
import { killScript } from "../shell/shell-script.ts";
import { runOnce } from "./run-once.ts";

const PID_FILE = "/tmp/.ferry-command.pid";

/** One `docker exec -i bash` that lives as long as the task; commands go through it in milliseconds. */
export async function openDockerShell(container: Container, options: { user: string; outputLimitBytes: number }): Promise<ShellSession> {
  const exec = await container.exec({
    Cmd: ["bash", "--noprofile", "--norc"],
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Tty: false,
    User: options.user,
    WorkingDir: WORKSPACE_PATH,
  });
  const stream = await exec.start({ hijack: true, stdin: true });
  const output = new PassThrough();
  container.modem.demuxStream(stream, output, output);
  stream.once("end", () => output.end());
  stream.once("close", () => output.end());
  return new ShellSession({
    streams: { stdin: stream, output },
    pidFile: PID_FILE,
    killCommand: async () => (await runOnce(container, ["bash", "-c", killScript(PID_FILE)], options.user)).exitCode === 0,
    outputLimitBytes: options.outputLimitBytes,
    oomProbe: true,
    // PID 1 is the container's init (container-options.ts): kill -1 spares it and the shell.
    sweep: "all",
  });
}

/** Kills every process of the sandbox's user but PID 1, from an exec of its own; for when the shell is gone. */
export async function sweepContainer(container: Container, user: string): Promise<void> {
  await runOnce(container, ["bash", "-c", "kill -KILL -1"], user).catch(() => undefined);
}
