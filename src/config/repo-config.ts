import { describeConfigIssue } from "./config-problems.ts";
import { readYaml } from "./read-yaml.ts";
import { DEFAULT_REPO_CONFIG, RepoConfig } from "./repo-config-schema.ts";

export { DEFAULT_REPO_CONFIG, RepoConfig } from "./repo-config-schema.ts";

export const REPO_CONFIG_PATH = ".github/agent.yml";

export type RepoConfigResult = { ok: true; config: RepoConfig } | { ok: false; problems: string[] };

/** On failure, `label` is the label the broken file most likely meant (see `lenientLabel`). */
export type LoadedRepoConfig = { ok: true; config: RepoConfig } | { ok: false; label: string; problems: string[] };

/** The config file as read from the repository: its text (undefined when there is none), or why it could not be read. */
export type RepoConfigFile = { text: string | undefined } | { problem: string };

/** Validates a config file as read; reading it (from GitHub, or a local checkout) is the caller's business. */
export function loadedRepoConfig(file: RepoConfigFile): LoadedRepoConfig {
  if ("problem" in file) return { ok: false, label: DEFAULT_LABEL, problems: [file.problem] };
  const result = parseRepoConfig(file.text);
  return result.ok ? result : { ok: false, label: lenientLabel(file.text), problems: result.problems };
}

/** Validates the text of `.github/agent.yml`; a missing or empty file means all defaults. */
export function parseRepoConfig(text: string | undefined): RepoConfigResult {
  const yaml = readYaml(text ?? "");
  if (!yaml.ok) return { ok: false, problems: [yaml.problem] };
  // An empty file or one with only comments parses to null: nothing configured.
  const result = RepoConfig.safeParse(yaml.value ?? {}, { reportInput: true });
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, problems: result.error.issues.flatMap(describeConfigIssue) };
}

const DEFAULT_LABEL = DEFAULT_REPO_CONFIG.label;

/**
 * The label a broken config most likely meant, so a label event can still be recognised
 * as Ferry's (and answered with the config problems) instead of being ignored.
 */
export function lenientLabel(text: string | undefined): string {
  const yaml = readYaml(text ?? "");
  if (yaml.ok && typeof yaml.value === "object" && yaml.value !== null && "label" in yaml.value) {
    return labelFrom(yaml.value.label) ?? DEFAULT_LABEL;
  }
  if (yaml.ok) return DEFAULT_LABEL;
  // The YAML itself is broken: look for a top-level `label:` line.
  const line = /^label[ \t]*:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^#\n]*?))[ \t]*(?:#.*)?$/m.exec(text ?? "");
  return labelFrom(line?.[1] ?? line?.[2] ?? line?.[3]) ?? DEFAULT_LABEL;
}

function labelFrom(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return undefined;
  const label = value.trim();
  return label.length > 0 && label.length <= 50 ? label : undefined;
}
