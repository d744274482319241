import { clampRepoConfig, DEFAULT_CEILINGS, type Ceilings } from "../config/clamp-limits.ts";
import type { LoadedRepoConfig } from "../config/repo-config.ts";
import { loadRepoConfig } from "../github/load-repo-config.ts";
import type { GitHub } from "../github/platform.ts";
import type { Log } from "../logger.ts";
import type { SweepConfig } from "./plan-sweep.ts";
import type { InstalledRepo } from "./sweep-github.ts";

/** What a repository's `.github/agent.yml` says about sweeps. */
export type SweepSetting = { kind: "off" } | { kind: "invalid"; problems: string[] } | { kind: "on"; sweep: SweepConfig };

/** Opt-in: only a valid config with `sweep:` is swept; a broken one is never guessed at. Caps per run and per day within the operator's ceilings. */
export function sweepSettingOf(loaded: LoadedRepoConfig, ceilings: Ceilings = DEFAULT_CEILINGS): SweepSetting {
  if (!loaded.ok) return { kind: "invalid", problems: loaded.problems };
  const { sweep } = clampRepoConfig(loaded.config, ceilings).config;
  // The config's schema checked the cron with the scheduler's own parser (config/cron.ts).
  return sweep ? { kind: "on", sweep } : { kind: "off" };
}

/**
 * Sweep settings per repository, read again only after a push (`pushed_at` moved): the
 * scheduler checks every repository every minute, and the config can only change by a push.
 */
export class SweepSettings {
  readonly #log: Log;
  readonly #ceilings: Ceilings;
  readonly #cache = new Map<string, { version: string; setting: SweepSetting }>();

  constructor(log: Log, ceilings: Ceilings = DEFAULT_CEILINGS) {
    this.#log = log;
    this.#ceilings = ceilings;
  }

  /** `fresh` skips the cache (an operator's pass reads the config as it is now). */
  async of(client: GitHub, installed: InstalledRepo, options: { fresh?: boolean } = {}): Promise<SweepSetting> {
    const { owner, name, defaultBranch } = installed.ref;
    const key = `${owner}/${name}`.toLowerCase();
    const version = `${defaultBranch}@${installed.pushedAt ?? "never"}`;
    const cached = this.#cache.get(key);
    if (!options.fresh && installed.pushedAt && cached?.version === version) return cached.setting;
    const setting = sweepSettingOf(await loadRepoConfig(client, { owner, repo: name, ref: defaultBranch }), this.#ceilings);
    // Once per version of the file, not once per minute.
    if (setting.kind === "invalid" && cached?.version !== version) {
      this.#log.warn({ repo: `${owner}/${name}`, problems: setting.problems }, "repository config is invalid; not sweeping it");
    }
    this.#cache.set(key, { version, setting });
    return setting;
  }
}
