import { z } from "zod";
import type { ToolCall, ToolSpec } from "../models/model.ts";
import { askTool } from "./ask.ts";
import { editFileTool } from "./edit-file.ts";
import { errorMessage } from "../../error-message.ts";
import { finishTool } from "./finish.ts";
import { parseToolArguments } from "./parse-arguments.ts";
import { readFileTool } from "./read-file.ts";
import { runTestsTool } from "./run-tests.ts";
import { searchTool } from "./search.ts";
import { shellTool } from "./shell.ts";
import type { Tool, ToolContext, ToolResult } from "./tool.ts";
import { argumentsForTrajectory } from "./trajectory-arguments.ts";
import { writeFileTool } from "./write-file.ts";

/** The agent's tools, in the order the model sees them. Names and arguments are a stable contract. */
export const AGENT_TOOLS: Tool[] = [shellTool, readFileTool, writeFileTool, editFileTool, searchTool, runTestsTool, askTool, finishTool];

const specCache = new WeakMap<Tool, ToolSpec>();

/** The tools as the model sees them: same order and bytes on every call, so prompt caching holds. */
export function toolSpecs(tools: readonly Tool[]): ToolSpec[] {
  return tools.map((tool) => {
    const cached = specCache.get(tool);
    if (cached) return cached;
    const { $schema: _draft, ...parameters } = z.toJSONSchema(tool.arguments, { io: "input" });
    const spec = { name: tool.name, description: tool.description, parameters };
    specCache.set(tool, spec);
    return spec;
  });
}

/**
 * Runs one call the model made. Anything wrong with the call, and any failure inside the
 * tool, becomes an error result the model reads and the run goes on; only an abort (the
 * task was cancelled) rejects. Each call is recorded on the trajectory, contents shortened.
 */
export async function executeToolCall(call: ToolCall, tools: readonly Tool[], context: ToolContext): Promise<ToolResult> {
  context.signal.throwIfAborted();
  const started = performance.now();
  const record = (json: unknown, result: ToolResult | { aborted: true }): void =>
    context.trajectory.record("tool-call", {
      id: call.id,
      name: call.name,
      arguments: argumentsForTrajectory(json),
      durationMs: Math.round(performance.now() - started),
      ...("aborted" in result ? result : { isError: result.isError, pausedMs: result.pausedMs, details: result.details }),
    });
  const tool = tools.find((candidate) => candidate.name === call.name);
  if (!tool) {
    const output = `There is no tool named "${call.name}". The tools are: ${tools.map((known) => known.name).join(", ")}.`;
    const result = { output, isError: true };
    record({ raw: call.arguments }, result);
    return result;
  }
  const parsed = parseToolArguments(tool, call.arguments);
  if (!parsed.ok) {
    const result = { output: parsed.error, isError: true, details: { invalidArguments: true } };
    record(parsed.json, result);
    return result;
  }
  try {
    const result = await tool.run(parsed.args, context);
    record(parsed.json, result);
    return result;
  } catch (error) {
    if (context.signal.aborted) {
      record(parsed.json, { aborted: true });
      throw error;
    }
    const message = errorMessage(error);
    const result = { output: `${tool.name} failed: ${message}`, isError: true, details: { error: message } };
    record(parsed.json, result);
    return result;
  }
}
