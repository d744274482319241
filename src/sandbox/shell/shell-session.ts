import { randomBytes } from "node:crypto";
import type { Readable, Writable } from "node:stream";
import type { ExecOptions, ExecResult } from "../sandbox.ts";
import { SandboxError } from "../sandbox-error.ts";
import { CappedBytes } from "./capped-bytes.ts";
import { HeadTailBuffer } from "./head-tail-buffer.ts";
import { SentinelScanner, type CommandEnd } from "./sentinel.ts";
import { commandLine, fileLine, shellPrelude, type Sweep } from "./shell-script.ts";

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
  /** What else the shell kills after every command (see shell-script.ts). */
  sweep: Sweep;
  /** How long to wait for the shell to report after a kill before declaring it lost. */
  killGraceMs?: number;
};

/** One operation of file-functions.sh; `arg` is the most bytes to read, or the length of a write's content. */
export type FileRequest = { op: "read" | "read-nolinks" | "write" | "locate"; path: string; arg: number };
export type FileReply = { exitCode: number | null; output: Buffer; overflowed: boolean; timedOut: boolean };
export type FileOptions = ExecOptions & { input?: Buffer; maxOutputBytes: number };

type Sink = { push(chunk: Buffer): void };
type Pending = { scanner: SentinelScanner; sink: Sink; finish: (end: CommandEnd | undefined) => void };
type Ended = { end: CommandEnd | undefined; timedOut: boolean; durationMs: number };

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
    stdin.write(shellPrelude({ oomProbe: options.oomProbe, sweep: options.sweep }));
  }

  get alive(): boolean {
    return this.#alive;
  }

  /** Runs one command; calls are queued so at most one command or file operation runs at a time. */
  exec(command: string, options: ExecOptions): Promise<ExecResult> {
    if (command.includes("\0")) return Promise.reject(new SandboxError("A command cannot contain a NUL byte."));
    const buffer = new HeadTailBuffer(options.outputLimitBytes ?? this.#options.outputLimitBytes);
    return this.#enqueue(async () => {
      const nonce = randomNonce();
      const { end, timedOut, durationMs } = await this.#run(nonce, commandLine(command, nonce, this.#options.pidFile), undefined, buffer, options);
      return {
        exitCode: end?.exitCode ?? null,
        output: end ? buffer.text() : `${buffer.text()}\n[the sandbox shell ended before the command finished]`,
        truncated: buffer.truncated,
        timedOut,
        oomKilled: (end?.oomKills ?? 0) > 0,
        durationMs,
      };
    });
  }

  /** Runs one file operation, queued like a command; its output comes back byte for byte, up to `maxOutputBytes`. */
  file(request: FileRequest, options: FileOptions): Promise<FileReply> {
    if (request.path.includes("\0")) return Promise.reject(new SandboxError("A path cannot contain a NUL byte."));
    const bytes = new CappedBytes(options.maxOutputBytes);
    return this.#enqueue(async () => {
      const nonce = randomNonce();
      const { end, timedOut } = await this.#run(nonce, fileLine(request, nonce, this.#options.pidFile), options.input, bytes, options);
      return { exitCode: end?.exitCode ?? null, output: bytes.bytes(), overflowed: bytes.overflowed, timedOut };
    });
  }

  close(): void {
    this.#alive = false;
    this.#options.streams.stdin.end();
    this.#options.streams.output.destroy();
  }

  #enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #run(nonce: string, line: string, input: Buffer | undefined, sink: Sink, { timeoutMs, signal }: ExecOptions): Promise<Ended> {
    if (!this.#alive) throw new SandboxError("The sandbox shell has ended; start a new sandbox.");
    signal?.throwIfAborted();
    const started = performance.now();
    let timedOut = false;

    const ended = new Promise<CommandEnd | undefined>((resolve) => {
      this.#pending = { scanner: new SentinelScanner(nonce), sink, finish: resolve };
    });
    const interrupt = (): void => {
      void this.#interrupt();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      interrupt();
    }, timeoutMs);
    signal?.addEventListener("abort", interrupt, { once: true });
    const { stdin } = this.#options.streams;
    stdin.write(line);
    if (input) stdin.write(input);

    const end = await ended;
    clearTimeout(timer);
    signal?.removeEventListener("abort", interrupt);
    this.#pending = undefined;
    signal?.throwIfAborted();
    return { end, timedOut, durationMs: Math.round(performance.now() - started) };
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
    for (const part of output) pending.sink.push(part);
    if (end) pending.finish(end);
  }

  #onLost(): void {
    if (!this.#alive && !this.#pending) return;
    this.#alive = false;
    const pending = this.#pending;
    if (!pending) return;
    pending.sink.push(pending.scanner.flush());
    pending.finish(undefined);
  }
}

const randomNonce = (): string => randomBytes(8).toString("hex");

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
