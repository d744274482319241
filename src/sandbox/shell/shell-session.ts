import { randomBytes } from "node:crypto";
import type { Readable, Writable } from "node:stream";
import type { ExecOptions, ExecResult } from "../sandbox.ts";
import { SandboxError } from "../sandbox-error.ts";
import { HeadTailBuffer } from "./head-tail-buffer.ts";
import { SentinelScanner, type CommandEnd } from "./sentinel.ts";
import { commandLine, shellPrelude } from "./shell-script.ts";

/** The two ends of a running `bash`: its stdin, and its stdout and stderr as one stream. */
export type ShellStreams = { stdin: Writable; output: Readable };

export type ShellSessionOptions = {
  streams: ShellStreams;
  /** Where the shell records the pid of the running command (inside the sandbox). */
  pidFile: string;
  /** Kills the running command's process group; resolves false when there was none yet. */
  killCommand: () => Promise<boolean>;
  outputLimitBytes: number;
  oomProbe: boolean;
  /** How long to wait for the shell to report after a kill before declaring it lost. */
  killGraceMs?: number;
};

type Pending = { scanner: SentinelScanner; buffer: HeadTailBuffer; finish: (end: CommandEnd | undefined) => void };

/** One persistent shell: each `exec` writes one line to it and reads until that command's sentinel. */
export class ShellSession {
  readonly #options: ShellSessionOptions;
  #pending: Pending | undefined;
  #alive = true;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: ShellSessionOptions) {
    this.#options = options;
    const { stdin, output } = options.streams;
    output.on("data", (chunk: Buffer) => this.#onData(chunk));
    const lost = (): void => this.#onLost();
    output.once("end", lost).once("close", lost).once("error", lost);
    stdin.once("error", lost);
    stdin.write(shellPrelude({ oomProbe: options.oomProbe }));
  }

  get alive(): boolean {
    return this.#alive;
  }

  /** Runs one command; calls are queued so at most one runs at a time. */
  exec(command: string, options: ExecOptions): Promise<ExecResult> {
    const run = this.#queue.then(() => this.#run(command, options));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  close(): void {
    this.#alive = false;
    this.#options.streams.stdin.end();
    this.#options.streams.output.destroy();
  }

  async #run(command: string, { timeoutMs, signal }: ExecOptions): Promise<ExecResult> {
    if (command.includes("\0")) throw new SandboxError("A command cannot contain a NUL byte.");
    if (!this.#alive) throw new SandboxError("The sandbox shell has ended; start a new sandbox.");
    signal?.throwIfAborted();
    const started = performance.now();
    const nonce = randomBytes(8).toString("hex");
    const buffer = new HeadTailBuffer(this.#options.outputLimitBytes);
    let timedOut = false;

    const ended = new Promise<CommandEnd | undefined>((resolve) => {
      this.#pending = { scanner: new SentinelScanner(nonce), buffer, finish: resolve };
    });
    const interrupt = (): void => {
      void this.#interrupt();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      interrupt();
    }, timeoutMs);
    signal?.addEventListener("abort", interrupt, { once: true });
    this.#options.streams.stdin.write(commandLine(command, nonce, this.#options.pidFile));

    const end = await ended;
    clearTimeout(timer);
    signal?.removeEventListener("abort", interrupt);
    this.#pending = undefined;
    signal?.throwIfAborted();
    return {
      exitCode: end?.exitCode ?? null,
      output: end ? buffer.text() : `${buffer.text()}\n[the sandbox shell ended before the command finished]`,
      truncated: buffer.truncated,
      timedOut,
      oomKilled: (end?.oomKills ?? 0) > 0,
      durationMs: Math.round(performance.now() - started),
    };
  }

  /** Kills the running command's group; if the shell does not report back in time, it is given up. */
  async #interrupt(): Promise<void> {
    const pending = this.#pending;
    if (!pending) return;
    // The pid file is written just after the job starts; retry briefly if the kill came first.
    for (let attempt = 0; attempt < 20 && this.#pending === pending; attempt++) {
      if (await this.#options.killCommand().catch(() => false)) break;
      await delay(50);
    }
    await delay(this.#options.killGraceMs ?? 5000);
    if (this.#pending === pending) {
      this.close();
      pending.finish(undefined);
    }
  }

  #onData(chunk: Buffer): void {
    const pending = this.#pending;
    // Output between commands comes from background processes of earlier ones; it belongs to no result.
    if (!pending) return;
    const { output, end } = pending.scanner.feed(chunk);
    for (const part of output) pending.buffer.push(part);
    if (end) pending.finish(end);
  }

  #onLost(): void {
    if (!this.#alive && !this.#pending) return;
    this.#alive = false;
    const pending = this.#pending;
    if (!pending) return;
    pending.buffer.push(pending.scanner.flush());
    pending.finish(undefined);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
