import { afterEach } from "@jest/globals";
import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Tool, ToolContext, ToolPolicy, ToolResult } from "../../../../src/agent/tools/tool.ts";
import { AGENT_TOOLS, executeToolCall } from "../../../../src/agent/tools/tools.ts";
import { MemoryTrajectory } from "../../../../src/agent/trajectory/memory-trajectory.ts";
import { LocalSandbox } from "../../../../src/sandbox/local/local-sandbox.ts";
import type { Sandbox } from "../../../../src/sandbox/sandbox.ts";
import { scriptedPauses, type ScriptedPauses } from "../../../helpers/scripted-pauses.ts";

export type ToolWorkspace = {
  workDir: string;
  context: ToolContext;
  trajectory: MemoryTrajectory;
  pauses: ScriptedPauses;
  /** Cancels the task: aborts the context's signal. */
  abort: AbortController;
  /** Calls a tool the way the loop does: by name, with the arguments as JSON text. */
  call(name: string, args?: unknown, tools?: Tool[]): Promise<ToolResult>;
  close(): Promise<void>;
};

export type ToolWorkspaceOptions = {
  files?: Record<string, string>;
  policy?: Partial<ToolPolicy>;
  testCommand?: string;
  commandTimeoutMs?: number;
  pauses?: ScriptedPauses;
  /** A started sandbox on `workDir`; by default a LocalSandbox is started. */
  sandbox?: (workDir: string) => Promise<Sandbox>;
};

/** A temporary checkout with files, a started sandbox on it and a context for the tools. */
export async function toolWorkspace(options: ToolWorkspaceOptions = {}): Promise<ToolWorkspace> {
  const workDir = await realpath(await mkdtemp(join(tmpdir(), "ferry-tools-")));
  for (const [path, content] of Object.entries(options.files ?? {})) {
    await mkdir(dirname(join(workDir, path)), { recursive: true });
    await writeFile(join(workDir, path), content);
  }
  const sandbox = options.sandbox ? await options.sandbox(workDir) : await startLocal(workDir);
  const trajectory = new MemoryTrajectory();
  const pauses = options.pauses ?? scriptedPauses();
  const abort = new AbortController();
  const context: ToolContext = {
    sandbox,
    workDir,
    policy: { commands: { deny: [], approve: [] }, paths: { deny: [] }, ...options.policy },
    testCommand: options.testCommand ?? "true",
    commandTimeoutMs: options.commandTimeoutMs ?? 20_000,
    pauses,
    trajectory,
    signal: abort.signal,
  };
  let calls = 0;
  return {
    workDir,
    context,
    trajectory,
    pauses,
    abort,
    call: (name, args = {}, tools = AGENT_TOOLS) => executeToolCall({ id: `call_${++calls}`, name, arguments: JSON.stringify(args) }, tools, context),
    close: async () => {
      await sandbox.stop();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

async function startLocal(workDir: string): Promise<Sandbox> {
  const sandbox = new LocalSandbox();
  await sandbox.start({ taskId: 1, workDir, image: "unused", network: false, limits: { memoryMb: 512, cpus: 1, pids: 256 }, outputLimitBytes: 8192 });
  return sandbox;
}

/** Registers cleanup for the calling test file and returns a factory; every workspace made is closed after its test. */
export function useToolWorkspaces(): (options?: ToolWorkspaceOptions) => Promise<ToolWorkspace> {
  const made: ToolWorkspace[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((workspace) => workspace.close()));
  });
  return async (options) => {
    const workspace = await toolWorkspace(options);
    made.push(workspace);
    return workspace;
  };
}
