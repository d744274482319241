import * as catalog from "gpt-tokenizer/models";
import { z } from "zod";
import { lookUp } from "./model-names.ts";

/** What Ferry assumes for a model it does not know; FERRY_MODEL_CONTEXT says otherwise. */
export const DEFAULT_CONTEXT_WINDOW = 128_000;

const CatalogEntry = z.object({ context_window: z.number().int().positive() });

// gpt-tokenizer ships OpenAI's model catalog; its context windows are kept, its prices are not trusted.
const WINDOWS = new Map<string, number>();
for (const [name, spec] of Object.entries(catalog)) {
  const entry = CatalogEntry.safeParse(spec);
  if (entry.success) WINDOWS.set(name.toLowerCase(), entry.data.context_window);
}

/** The configured window wins; then the catalog's; then the default. */
export function contextWindowOf(model: string, override?: number): number {
  return override ?? lookUp(WINDOWS, model) ?? DEFAULT_CONTEXT_WINDOW;
}
