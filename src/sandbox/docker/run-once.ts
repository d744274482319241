import type { Container } from "dockerode";
import { PassThrough } from "node:stream";

/** Runs a short helper command in the container with a `docker exec` of its own; for control, not for the agent. */
export async function runOnce(container: Container, cmd: string[], user: string): Promise<{ exitCode: number; output: string }> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, Tty: false, User: user });
  const stream = await exec.start({ hijack: true, stdin: false });
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  container.modem.demuxStream(stream, sink, sink);
  await new Promise<void>((resolve, reject) => {
    stream.once("end", resolve).once("close", resolve).once("error", reject);
  });
  const { ExitCode } = await exec.inspect();
  return { exitCode: ExitCode ?? -1, output: Buffer.concat(chunks).toString("utf8") };
}
