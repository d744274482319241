import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Env } from "../config/env.ts";
import type { Model } from "../agent/models/model.ts";
import { createModel } from "../agent/models/create-model.ts";
import { ScriptedModel } from "../agent/models/scripted-model.ts";
import { errorMessage } from "../error-message.ts";

/** One model reply: some text, tool calls, or both. */
const ScriptStep = z.strictObject({
  text: z.string().optional(),
  toolCalls: z.array(z.strictObject({ name: z.string().min(1), arguments: z.union([z.string(), z.record(z.string(), z.unknown())]) })).optional(),
});
/** A `--model-script` file: the replies in order; once they run out the model says it has no more. */
export const ModelScript = z.array(ScriptStep, { error: "expected a JSON array of steps like [{\"toolCalls\":[{\"name\":\"shell\",\"arguments\":{\"command\":\"ls\"}}]}]" });

const FREE = Object.freeze({ input: 0, cachedInput: 0, output: 0 });

/** The model of a local run: a replayed script (`--model-script`), or the configured provider. */
export async function modelForRun(options: { scriptPath?: string; name?: string; env: Env["model"] }): Promise<Model> {
  if (!options.scriptPath) return createModel({ ...options.env, name: options.name ?? options.env.name });
  const text = await readFile(options.scriptPath, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`--model-script ${options.scriptPath} is not valid JSON: ${errorMessage(error)}`, { cause: error });
  }
  const script = ModelScript.safeParse(json);
  if (!script.success) throw new Error(`--model-script ${options.scriptPath}: ${z.prettifyError(script.error)}`);
  // A replayed script calls no provider, so it costs nothing (the scripted model's own default is a test price).
  return new ScriptedModel(script.data, { name: options.name ?? "scripted", price: FREE });
}
