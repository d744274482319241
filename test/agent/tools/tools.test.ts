import { describe, expect, test } from "@jest/globals";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Tool } from "../../../src/agent/tools/tool.ts";
import { AGENT_TOOLS, executeToolCall, toolSpecs } from "../../../src/agent/tools/tools.ts";
import { waitFor } from "../../helpers/process.ts";
import { scriptedPauses } from "../../helpers/scripted-pauses.ts";
import { useToolWorkspaces } from "./support/tool-workspace.ts";

const failingTool: Tool = {
  name: "explode",
  description: "Always throws.",
  arguments: z.strictObject({}),
  async run() {
    throw new Error("the disk is full");
  },
};

describe("toolSpecs", () => {
  test("lists the agent's tools in a fixed order under their contract names", () => {
    expect(toolSpecs(AGENT_TOOLS).map((spec) => spec.name)).toEqual(["shell", "read_file", "write_file", "edit_file", "search", "run_tests", "ask", "finish"]);
  });

  test("parameters are plain JSON Schema objects the OpenAI function format accepts", () => {
    const readFile = toolSpecs(AGENT_TOOLS).find((spec) => spec.name === "read_file");
    expect(readFile?.parameters).toEqual({
      type: "object",
      properties: {
        path: { type: "string", description: expect.any(String) },
        start_line: { type: "integer", minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: expect.any(String) },
        end_line: { type: "integer", minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: expect.any(String) },
      },
      required: ["path"],
      additionalProperties: false,
    });
  });

  test("every tool's parameters are a closed object", () => {
    for (const spec of toolSpecs(AGENT_TOOLS)) expect(spec.parameters).toMatchObject({ type: "object", additionalProperties: false });
  });

  test("the specs are byte for byte the same on every call, so prompt caching holds", () => {
    expect(JSON.stringify(toolSpecs(AGENT_TOOLS))).toBe(JSON.stringify(toolSpecs([...AGENT_TOOLS])));
  });
});

describe("executeToolCall", () => {
  const workspace = useToolWorkspaces();

  test("malformed JSON is an error result that says so and quotes what was sent", async () => {
    const { context, trajectory } = await workspace();
    const result = await executeToolCall({ id: "c1", name: "read_file", arguments: '{"path": "a.ts",' }, AGENT_TOOLS, context);
    expect(result.isError).toBe(true);
    expect(result.output).toMatch(/^The arguments for read_file were not valid JSON \(.+\)\. You sent: \{"path": "a\.ts",\nSend one JSON object/);
    expect(trajectory.ofType("tool-call")).toEqual([expect.objectContaining({ id: "c1", name: "read_file", isError: true, arguments: { raw: '{"path": "a.ts",' } })]);
  });

  test("only a short head of long malformed arguments is quoted back", async () => {
    const { context } = await workspace();
    const sent = `{"content": "${"x".repeat(5000)}`;
    const result = await executeToolCall({ id: "c1", name: "write_file", arguments: sent }, AGENT_TOOLS, context);
    expect(result.output).toContain(`You sent: ${sent.slice(0, 200)}… (5013 characters in all)`);
    expect(result.output.length).toBeLessThan(600);
  });

  test("invalid arguments are listed in plain words", async () => {
    const { call } = await workspace();
    const result = await call("read_file", { start_line: "ten", extra: true });
    expect(result).toMatchObject({ isError: true, details: { invalidArguments: true } });
    expect(result.output.split("\n")).toEqual([
      "The arguments for read_file are not valid:",
      '- "path" is required',
      '- "start_line": expected number, received string',
      '- unknown parameter "extra"; read_file takes "path", "start_line", "end_line"',
    ]);
  });

  test("arguments that are not an object are refused", async () => {
    const { context } = await workspace();
    const result = await executeToolCall({ id: "c1", name: "finish", arguments: '["done"]' }, AGENT_TOOLS, context);
    expect(result.output).toBe("The arguments for finish are not valid:\n- the arguments must be a JSON object");
  });

  test("a null optional parameter counts as left out", async () => {
    const { call } = await workspace({ files: { "a.txt": "one\n" } });
    expect(await call("read_file", { path: "a.txt", start_line: null, end_line: null })).toMatchObject({ isError: false, output: "     1\tone" });
  });

  test("arguments sent as a JSON string holding the object are unwrapped", async () => {
    const { context } = await workspace({ files: { "a.txt": "one\n" } });
    const result = await executeToolCall({ id: "c1", name: "read_file", arguments: JSON.stringify(JSON.stringify({ path: "a.txt" })) }, AGENT_TOOLS, context);
    expect(result).toMatchObject({ isError: false, output: "     1\tone" });
  });

  test("empty argument text counts as no arguments", async () => {
    const { context } = await workspace({ testCommand: "true" });
    expect(await executeToolCall({ id: "c1", name: "run_tests", arguments: "" }, AGENT_TOOLS, context)).toMatchObject({ isError: false });
  });

  test("an unknown tool is an error that lists the tools there are", async () => {
    const { call } = await workspace();
    expect(await call("bash", { command: "ls" })).toEqual({
      isError: true,
      output: 'There is no tool named "bash". The tools are: shell, read_file, write_file, edit_file, search, run_tests, ask, finish.',
    });
  });

  test("an error thrown inside a tool becomes an error result and the run goes on", async () => {
    const { call, trajectory } = await workspace();
    expect(await call("explode", {}, [failingTool])).toEqual({ output: "explode failed: the disk is full", isError: true, details: { error: "the disk is full" } });
    expect(trajectory.ofType("tool-call")).toEqual([expect.objectContaining({ name: "explode", isError: true })]);
  });

  test("each call is recorded with its facts, and file contents are shortened", async () => {
    const { call, trajectory } = await workspace();
    const content = `${"line of a big file\n".repeat(500)}`;
    await call("write_file", { path: "big.txt", content });
    const [event] = trajectory.ofType("tool-call");
    expect(event).toEqual({
      id: "call_1",
      name: "write_file",
      arguments: { path: "big.txt", content: `${content.slice(0, 80)}… [9500 characters, 501 lines]` },
      durationMs: expect.any(Number),
      isError: false,
      details: { path: "big.txt", created: true, bytes: 9500, lines: 500 },
    });
    expect(JSON.stringify(trajectory.events)).not.toContain(content);
  });

  test("an aborted task rejects before the tool runs", async () => {
    const { call, abort, workDir } = await workspace();
    abort.abort(new Error("task cancelled"));
    await expect(call("write_file", { path: "late.txt", content: "x" })).rejects.toThrow("task cancelled");
    expect(existsSync(join(workDir, "late.txt"))).toBe(false);
  });

  test("cancelling during a command kills it and rejects, and the call is recorded as aborted", async () => {
    const { call, abort, workDir, trajectory } = await workspace();
    const running = call("shell", { command: "touch started && sleep 30 && touch finished" });
    await waitFor("the command to start", () => (existsSync(join(workDir, "started")) ? true : undefined));
    abort.abort(new Error("task cancelled"));
    await expect(running).rejects.toThrow("task cancelled");
    expect(existsSync(join(workDir, "finished"))).toBe(false);
    expect(trajectory.ofType("tool-call")).toEqual([expect.objectContaining({ name: "shell", aborted: true })]);
  });

  test("cancelling while waiting for an answer rejects", async () => {
    const pauses = scriptedPauses({ answers: ["hold"] });
    const { call, abort } = await workspace({ pauses });
    const asking = call("ask", { question: "Which one?" });
    await waitFor("the question", () => (pauses.questions.length > 0 ? true : undefined));
    abort.abort(new Error("task cancelled"));
    await expect(asking).rejects.toThrow("task cancelled");
  });
});
