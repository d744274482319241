import { describe, expect, test } from "@jest/globals";
import type { ToolContext } from "../../../src/agent/tools/tool.ts";
import { AGENT_TOOLS, executeToolCall } from "../../../src/agent/tools/tools.ts";
import { MemoryTrajectory } from "../../../src/agent/trajectory/memory-trajectory.ts";
import type { Sandbox } from "../../../src/sandbox/sandbox.ts";
import type { SandboxFiles } from "../../../src/sandbox/sandbox-files.ts";
import { scriptedPauses } from "../../helpers/scripted-pauses.ts";

/** Files that exist only in the sandbox: a map, with the paths the tools asked for. */
function mapFiles(files: Map<string, string>): SandboxFiles & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async read(path) {
      asked.push(`read ${path}`);
      const content = files.get(path);
      return content === undefined ? { ok: false, problem: "missing" } : { ok: true, bytes: Buffer.from(content) };
    },
    async write(path, content) {
      asked.push(`write ${path}`);
      const created = !files.has(path);
      files.set(path, content.toString("utf8"));
      return { ok: true, created };
    },
    async locate(path) {
      asked.push(`locate ${path}`);
      return { ok: true, exists: [...files.keys()].some((name) => name === path || name.startsWith(`${path}/`)) };
    },
  };
}

function contextWith(files: SandboxFiles): ToolContext {
  const sandbox: Sandbox = {
    kind: "local",
    files,
    start: async () => undefined,
    exec: async () => ({ exitCode: 1, output: "", truncated: false, timedOut: false, oomKilled: false, durationMs: 1 }),
    setNetwork: async () => undefined,
    stop: async () => undefined,
  };
  return {
    sandbox,
    // Nothing exists here: a tool that opened the checkout on the host would fail.
    workDir: "/nonexistent/ferry-host-checkout",
    policy: { commands: { deny: [], approve: [] }, paths: { deny: [] } },
    testCommand: "true",
    commandTimeoutMs: 10_000,
    pauses: scriptedPauses(),
    trajectory: new MemoryTrajectory(),
    signal: new AbortController().signal,
  };
}

const call = (context: ToolContext, name: string, args: object) => executeToolCall({ id: "call_1", name, arguments: JSON.stringify(args) }, AGENT_TOOLS, context);

describe("the file tools act only through the sandbox's files, never on the host's checkout", () => {
  test("read_file shows what the sandbox reads", async () => {
    const files = mapFiles(new Map([["src/a.ts", "inside\n"]]));
    expect(await call(contextWith(files), "read_file", { path: "./src//a.ts" })).toMatchObject({ isError: false, output: "     1\tinside" });
    expect(files.asked).toEqual(["read src/a.ts"]);
  });

  test("write_file hands the content to the sandbox", async () => {
    const map = new Map<string, string>();
    const files = mapFiles(map);
    expect(await call(contextWith(files), "write_file", { path: "lib/new.ts", content: "made\n" })).toMatchObject({ isError: false, output: 'Created "lib/new.ts" (1 lines, 5 bytes).' });
    expect(map.get("lib/new.ts")).toBe("made\n");
  });

  test("edit_file reads and writes back through the sandbox", async () => {
    const map = new Map([["a.txt", "one two\n"]]);
    const files = mapFiles(map);
    expect(await call(contextWith(files), "edit_file", { path: "a.txt", old: "two", new: "three" })).toMatchObject({ isError: false });
    expect(map.get("a.txt")).toBe("one three\n");
    expect(files.asked).toEqual(["read a.txt", "write a.txt"]);
  });

  test("search asks the sandbox whether its path exists", async () => {
    const files = mapFiles(new Map([["src/a.ts", "x\n"]]));
    expect(await call(contextWith(files), "search", { pattern: "x", path: "src" })).toMatchObject({ isError: false, output: "No matches." });
    expect(await call(contextWith(files), "search", { pattern: "x", path: "lib" })).toMatchObject({ isError: true, output: expect.stringContaining('"lib" does not exist') });
    expect(files.asked).toEqual(["locate src", "locate lib"]);
  });
});
