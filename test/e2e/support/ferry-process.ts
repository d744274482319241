import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { recordLogLine } from "../../helpers/logged-problems.ts";
import { freePort, waitFor } from "../../helpers/process.ts";
import { sandboxEnv } from "./sandbox-mode.ts";

/**
 * Ferry as an operator runs it: `node src/main.ts`, configured by environment only.
 * Output is kept (last 200 lines) so a failing scenario can show what Ferry said.
 */
export type FerryOptions = {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  gheHost: string;
  modelBaseUrl: string;
  dataDir: string;
  env?: Record<string, string>;
  /** `ferry <command>` (src/main.ts's argv): every role (the default), the webhook server only, or a worker only. */
  command?: "start" | "server" | "worker";
};

export type FerryProcess = {
  url: string;
  pid: number;
  output(): string;
  /** Every line this process wrote to stdout (its JSON log), from its start. */
  logLines(): string[];
  /** SIGTERM, then SIGKILL if it has not exited by `graceMs`; resolves with the exit code (null when killed). */
  stop(graceMs?: number): Promise<number | null>;
  /** `kill -9`, as a crash would. */
  kill9(): Promise<void>;
  /** The harness is closing: what this process logs from now on (a stop cutting off its last GitHub call) is no finding of the scenario. */
  endOfScenario(): void;
};

export async function startFerry(options: FerryOptions): Promise<FerryProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [join("src", "main.ts"), ...(options.command ? [options.command] : [])], {
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: options.dataDir,
      APP_ID: String(options.appId),
      PRIVATE_KEY: options.privateKey,
      WEBHOOK_SECRET: options.webhookSecret,
      HOST: "127.0.0.1",
      PORT: String(port),
      GHE_HOST: options.gheHost,
      GHE_PROTOCOL: "http",
      OPENAI_BASE_URL: options.modelBaseUrl,
      OPENAI_API_KEY: "sk-e2e",
      FERRY_DATA_DIR: join(options.dataDir, "data"),
      FERRY_SANDBOX: "local",
      FERRY_ALLOW_LOCAL_SANDBOX: "1",
      LOG_LEVEL: "info",
      // FERRY_E2E_SANDBOX=docker: the Docker sandbox with the runner image (sandbox-mode.ts).
      ...(await sandboxEnv()),
      ...options.env,
    },
  });
  const lines: string[] = [];
  const logged: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    lines.splice(0, Math.max(lines.length - 200, 0));
  };
  child.stdout?.on("data", keep);
  // Ferry's warnings and errors fail the scenario unless it declares them (test/setup.ts), as in-process ones do.
  let checked = true;
  child.stdout?.on(
    "data",
    wholeLines((line) => {
      logged.push(line);
      if (checked && !CHOSEN_SANDBOX_NOTICE.test(line)) recordLogLine(line);
    }),
  );
  child.stderr?.on("data", keep);
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const url = `http://127.0.0.1:${port}`;
  const process_ = {
    ...handle(child, url, exited, () => lines.join("\n")),
    logLines: () => [...logged],
    endOfScenario: () => {
      checked = false;
    },
  };
  try {
    await waitFor("Ferry to answer /ping", async () => {
      if (child.exitCode !== null) throw new Error(`Ferry exited with ${child.exitCode}:\n${lines.join("\n")}`);
      const response = await fetch(`${url}/ping`).catch(() => undefined);
      return response?.ok ? true : undefined;
    }, 30000);
  } catch (error) {
    await process_.stop(2000);
    throw error;
  }
  return process_;
}

function handle(child: ChildProcess, url: string, exited: Promise<number | null>, output: () => string): Omit<FerryProcess, "endOfScenario" | "logLines"> {
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    url,
    pid: child.pid ?? 0,
    output,
    async stop(graceMs = 10000) {
      if (gone()) return exited;
      child.kill("SIGTERM");
      const deadline = new AbortController();
      const finished = await Promise.race([exited.then(() => true), sleep(graceMs, false, { signal: deadline.signal }).catch(() => true)]);
      deadline.abort();
      if (!finished) child.kill("SIGKILL");
      return exited;
    },
    async kill9() {
      if (gone()) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
}

/** What Ferry says of the local sandbox the harness chose on purpose (sandbox-mode.ts): expected, not a finding. */
const CHOSEN_SANDBOX_NOTICE = /"msg":"(FERRY_SANDBOX=local: |Local sandbox: )/;

/** Log lines as they complete (a chunk may end mid-line); pino writes one JSON object per line. */
function wholeLines(each: (line: string) => void): (chunk: Buffer) => void {
  let partial = "";
  return (chunk) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) each(line);
  };
}
