export type GitConfigEntry = readonly [key: string, value: string];

/** Command-scope git config as environment (git >= 2.31), the same scope as `-c` but out of argv. */
export function gitConfigEnv(entries: readonly GitConfigEntry[]): Record<string, string> {
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(entries.length) };
  entries.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return env;
}
