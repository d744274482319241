import { loadedRepoConfig, REPO_CONFIG_PATH, type LoadedRepoConfig, type RepoConfigFile } from "../config/repo-config.ts";
import type { GitHub } from "./platform.ts";

/**
 * Reads `.github/agent.yml` at `ref` and hands its text to config to validate. No file means all
 * defaults; other HTTP errors are thrown for the caller's retry policy to handle.
 */
export async function loadRepoConfig(github: GitHub, { owner, repo, ref }: { owner: string; repo: string; ref: string }): Promise<LoadedRepoConfig> {
  return loadedRepoConfig(await fetchConfigFile(github, { owner, repo, ref }));
}

async function fetchConfigFile(github: GitHub, { owner, repo, ref }: { owner: string; repo: string; ref: string }): Promise<RepoConfigFile> {
  const file = await github.readFile({ owner, repo }, REPO_CONFIG_PATH, ref);
  if (file.kind === "absent") return { text: undefined };
  if (file.kind === "not-a-file") return { problem: `${REPO_CONFIG_PATH} is not a regular file` };
  if (file.kind === "too-large") return { problem: `${REPO_CONFIG_PATH} is too large to read (keep it under 1 MB)` };
  return { text: file.text };
}
