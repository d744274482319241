/**
 * The names a model may be known by in Ferry's tables, most specific first. Servers name
 * models with a provider prefix ("openai/gpt-4o-mini") or a snapshot date
 * ("gpt-4o-2024-08-06", "gpt-4-0613"); both are dropped, nothing else is guessed.
 */
export function lookupNames(model: string): string[] {
  const bare = model.trim().toLowerCase().replace(/^.*\//, "");
  const undated = bare.replace(/-(\d{4}-\d{2}-\d{2}|(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]))$/, "");
  return undated === bare ? [bare] : [bare, undated];
}

/** The first entry of `table` that one of the model's names matches exactly. */
export function lookUp<T>(table: ReadonlyMap<string, T>, model: string): T | undefined {
  for (const name of lookupNames(model)) {
    const entry = table.get(name);
    if (entry !== undefined) return entry;
  }
  return undefined;
}
