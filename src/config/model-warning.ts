import type { Log } from "../logger.ts";
import type { Env } from "./env.ts";

/**
 * Without a key, and without a server of its own (local servers need no key), every task fails
 * at its first model request; a newcomer should read why at start-up, not on each issue.
 */
export function warnIfNoModel(model: Pick<Env["model"], "apiKey" | "baseUrl" | "name">, log: Log): void {
  if (model.apiKey !== undefined || model.baseUrl !== undefined) return;
  log.warn(
    { model: model.name },
    "No model is configured (neither OPENAI_API_KEY nor OPENAI_BASE_URL is set): tasks will fail at their first model request until one is. Set OPENAI_API_KEY for OpenAI, or OPENAI_BASE_URL for a compatible server (Ollama, vLLM, Azure, OpenRouter)",
  );
}
