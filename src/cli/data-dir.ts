import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

/**
 * Where `ferry run` keeps mirrors, checkouts and trajectories: `--data-dir`, else FERRY_DATA_DIR,
 * else the user's cache (`$XDG_CACHE_HOME/ferry`, `~/.cache/ferry`), never the current directory.
 * A relative XDG_CACHE_HOME is ignored, as the XDG spec says.
 */
export function dataDirFor(flag: string | undefined, env: Record<string, string | undefined>, home: () => string = homedir): string {
  if (flag) return flag;
  if (env.FERRY_DATA_DIR) return env.FERRY_DATA_DIR;
  const cache = env.XDG_CACHE_HOME;
  return join(cache && isAbsolute(cache) ? cache : join(home(), ".cache"), "ferry");
}
